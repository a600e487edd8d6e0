import { baseUrl, readServerState, saveServerState } from './server'

/**
 * One admin account for every HTTP and browser test file, registered once per run by
 * global-setup through Payload's first-register flow (as a new site owner does), its session
 * handed to every file through the test server's state file.
 *
 * Files never log that account in again. Payload keeps a user's sessions in one array on the
 * user's row and rewrites the whole row on every login, so two logins to one account at the same
 * moment (two files starting together) keep only one of the two new sessions, and the other token
 * then answers 403 on every write. A file that needs a login of its own (a cookie exactly as
 * /api/users/login sets it, the admin's login form) makes an account of its own: `ownAccount`.
 */
export const ADMIN = { email: 'owner@example.com', password: 'correct-horse-battery-staple', name: 'Owner' } as const

export type ApiResult = { status: number; headers: Headers; body: any; raw: string }

type ApiInit = RequestInit & { token?: string }

/** JSON request to the REST API of the server at `base`, optionally with a login (JWT `token`). */
export async function apiAt(base: string, pathname: string, init: ApiInit = {}): Promise<ApiResult> {
  const headers = new Headers(init.headers)
  headers.set('content-type', 'application/json')
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  const response = await fetch(`${base}/api${pathname}`, { ...init, headers })
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text()
  return { status: response.status, headers: response.headers, body, raw: JSON.stringify(body) }
}

/** JSON request to the shared test server's REST API. */
export const api = (pathname: string, init: ApiInit = {}) => apiAt(baseUrl(), pathname, init)

/** Registers the first account (the admin) of the server at `base`, whose database is empty: its session. */
export async function registerFirstAdminAt(base: string): Promise<{ token: string; role: string }> {
  const registered = await apiAt(base, '/users/first-register', { method: 'POST', body: JSON.stringify(ADMIN) })
  if (registered.status !== 200) throw new Error(`Could not register the test admin: ${registered.status} ${registered.raw}`)
  return { token: registered.body.token, role: registered.body.user.role }
}

/** Global-setup's part: the shared test server's admin. */
export async function registerTestAdmin(): Promise<void> {
  const state = readServerState()
  if (!state) throw new Error('registerTestAdmin runs after startServer')
  saveServerState({ ...state, admin: await registerFirstAdminAt(state.baseUrl) })
}

/** The admin's session (registered by global-setup). */
export async function adminSession(): Promise<{ token: string; role: string }> {
  const admin = readServerState()?.admin
  if (!admin) throw new Error('No test admin: run the http or e2e tier through jest (global-setup registers it).')
  return admin
}

export type Account = { id: string; email: string; password: string; token: string; cookie: string }

let accounts = 0

/**
 * An editor's account of the caller's own (editors write, preview and publish), made by the admin
 * and logged in through /api/users/login: `cookie` is the `payload-token=…` pair that login set,
 * as a browser keeps it. Never an admin: roles.test.ts proves the last admin cannot step down,
 * which needs the shared admin to stay the only one.
 */
export async function ownAccount(): Promise<Account> {
  const { token: adminToken } = await adminSession()
  const email = `account-${process.pid}-${Date.now().toString(36)}-${++accounts}@example.com`
  const password = 'an-account-of-its-own-long-password'
  const created = await api('/users', { method: 'POST', token: adminToken, body: JSON.stringify({ email, password, role: 'editor' }) })
  if (created.status !== 201) throw new Error(`Could not create the account ${email}: ${created.status} ${created.raw}`)
  const login = await api('/users/login', { method: 'POST', body: JSON.stringify({ email, password }) })
  if (login.status !== 200) throw new Error(`Could not log in as ${email}: ${login.status} ${login.raw}`)
  const cookie = login.headers.getSetCookie().find((line) => line.startsWith('payload-token='))?.split(';')[0]
  if (!cookie) throw new Error(`Logging in as ${email} set no payload-token cookie`)
  return { id: created.body.doc.id, email, password, token: login.body.token, cookie }
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
