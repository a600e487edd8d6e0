import { baseUrl } from './server'

/**
 * One admin account for every HTTP test file. The test server's database starts empty, so the
 * first caller creates the account through Payload's first-register flow (as a new site owner
 * does); every later caller (other files may run at the same time) logs in with it.
 */
export const ADMIN = { email: 'owner@example.com', password: 'correct-horse-battery-staple', name: 'Owner' } as const

export type ApiResult = { status: number; headers: Headers; body: any; raw: string }

/** JSON request to the REST API, optionally as the admin (JWT from `adminToken`). */
export async function api(pathname: string, init: RequestInit & { token?: string } = {}): Promise<ApiResult> {
  const headers = new Headers(init.headers)
  headers.set('content-type', 'application/json')
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  const response = await fetch(`${baseUrl()}/api${pathname}`, { ...init, headers })
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text()
  return { status: response.status, headers: response.headers, body, raw: JSON.stringify(body) }
}

let pending: Promise<{ token: string; role: string; registered: boolean }> | undefined

async function signIn() {
  const registered = await api('/users/first-register', { method: 'POST', body: JSON.stringify(ADMIN) })
  if (registered.status === 200) return { token: registered.body.token, role: registered.body.user.role, registered: true }
  // Someone registered first (another test file): log in, retrying while their write lands.
  for (let attempt = 0; attempt < 20; attempt++) {
    const login = await api('/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    })
    if (login.status === 200) return { token: login.body.token, role: login.body.user.role, registered: false }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`Could not register or log in the test admin: ${registered.status} ${registered.raw}`)
}

/** The admin's session, created once per test file. */
export function adminSession() {
  pending ??= signIn()
  return pending
}

/** A minimal Lexical document with one paragraph, as the admin editor would save it. */
export const lexicalParagraph = (words: string) => ({
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: [
      {
        type: 'paragraph',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        textFormat: 0,
        children: [{ type: 'text', text: words, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
      },
    ],
  },
})

/**
 * An article by Janet, written through the REST API as the admin: a draft (never published) or
 * published at once. Tests make their own, so the seeded article stays as other files expect it.
 */
export async function createArticle({
  title,
  excerpt,
  body,
  status,
}: {
  title: string
  excerpt: string
  body: string
  status: 'draft' | 'published'
}): Promise<{ id: string; slug: string }> {
  const { token } = await adminSession()
  const janet = (await api('/authors?where[slug][equals]=janet&depth=0&limit=1')).body.docs[0].id
  const created = await api(status === 'draft' ? '/articles?draft=true' : '/articles', {
    method: 'POST',
    token,
    body: JSON.stringify({ title, excerpt, content: lexicalParagraph(body), author: janet, _status: status }),
  })
  if (created.status !== 201) throw new Error(`Could not create the article "${title}": ${created.status} ${created.raw}`)
  return { id: created.body.doc.id, slug: created.body.doc.slug }
}
