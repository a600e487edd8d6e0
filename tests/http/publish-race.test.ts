import { spawn, type ChildProcess } from 'node:child_process'

import { apiAt, lexicalParagraph, registerFirstAdminAt } from './auth'
import { getAt, type Page } from './html'
import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from './ownServer'

/**
 * Publish → live on the next request also while the page is being rendered for someone else: a
 * busy site, with readers on the very address that changes, other articles being edited at the
 * same time (each edit purges the lists every page shows, so the page keeps being rendered
 * anew), and a busy CPU (one core spinning) so renders take a while. A render that read the
 * article just before the change and finishes just after it must not be kept as the new version.
 *
 * Its own server: readers, edits and the spinning core would slow every other file down.
 */
const RUN = Date.now().toString(36)
const READERS = 4

let server: OwnServer | undefined
const database = temporarySqliteUri()
let busyCore: ChildProcess | undefined
let token: string
let janetId: string
let bystanderId: string

const base = () => server!.baseUrl
const api = (pathname: string, init: RequestInit = {}) => apiAt(base(), pathname, { ...init, token })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A long article: rendering it takes long enough for a change to land in the middle. */
const longBody = (words: string) => ({
  root: {
    ...lexicalParagraph('').root,
    children: Array.from({ length: 380 }, (_, index) => lexicalParagraph(`${words} Paragraph ${index}: slow strokes, warm hands.`).root.children[0]),
  },
})

async function createArticle(title: string, slug: string, paragraphs: 'long' | 'short') {
  const content = paragraphs === 'long' ? longBody(title) : lexicalParagraph(title)
  const created = await api('/articles', {
    method: 'POST',
    body: JSON.stringify({ title, slug, excerpt: 'Written while the site was busy.', content, author: janetId, _status: 'published' }),
  })
  expect(created.status).toBe(201)
  return created.body.doc.id as string
}

async function retitle(id: string, title: string) {
  const updated = await api(`/articles/${id}`, { method: 'PATCH', body: JSON.stringify({ title, _status: 'published' }) })
  expect(updated.status).toBe(200)
}

/**
 * Runs `change` while readers request `path` over and over and the bystander article is edited
 * in a loop; returns every answer to a request that started after `change` had returned, the
 * reader's own next request first.
 */
async function answersAfter(path: string, change: () => Promise<unknown>): Promise<Page[]> {
  let stop = false
  const seen: { startedAt: number; page: Page }[] = []
  const reader = async () => {
    while (!stop) {
      const startedAt = performance.now()
      seen.push({ startedAt, page: await getAt(base(), path) })
    }
  }
  const bystander = async () => {
    for (let edit = 0; !stop; edit++) await retitle(bystanderId, `Bystander ${RUN} edit ${edit}`)
  }
  const running = [...Array.from({ length: READERS }, reader), bystander()]
  await sleep(300)
  await change()
  const changedAt = performance.now()
  const next = await getAt(base(), path)
  await sleep(300)
  stop = true
  await Promise.all(running)
  return [next, ...seen.filter((answer) => answer.startedAt >= changedAt).map((answer) => answer.page)]
}

const robots = (page: Page) => page.doc.querySelector('head meta[name="robots"]')?.getAttribute('content') ?? ''
const describeAnswer = (page: Page) => `${page.status} (${page.headers.get('x-nextjs-cache') ?? 'no cache header'}) "${page.doc.querySelector('h1')?.textContent ?? ''}"`

beforeAll(async () => {
  server = await startOwnServer(database.uri)
  token = (await registerFirstAdminAt(base())).token
  janetId = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
  bystanderId = await createArticle(`Bystander ${RUN}`, `bystander-${RUN}`, 'short')
  busyCore = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' })
}, 180_000)

afterAll(() => {
  busyCore?.kill('SIGKILL')
  stopOwnServer(server)
  database.cleanup()
})

test('an edit made while the article is being rendered shows on the next request, every time', async () => {
  const slug = `long-read-${RUN}`
  const id = await createArticle(`Long read ${RUN} version 0`, slug, 'long')
  const stale: string[] = []
  for (let round = 1; round <= 6; round++) {
    const title = `Long read ${RUN} version ${round}`
    const answers = await answersAfter(`/blog/${slug}`, () => retitle(id, title))
    for (const page of answers) if (page.status !== 200 || !page.html.includes(title)) stale.push(`edit ${round}: ${describeAnswer(page)}`)
  }
  expect(stale).toEqual([])
}, 180_000)

test('publishing while its address is being requested: every later request gets the article, indexable', async () => {
  const wrong: string[] = []
  for (let round = 1; round <= 4; round++) {
    const title = `Fresh off the table ${RUN} ${round}`
    const slug = `fresh-off-the-table-${RUN}-${round}`
    const answers = await answersAfter(`/blog/${slug}`, () => createArticle(title, slug, 'long'))
    for (const page of answers) {
      if (page.status !== 200 || !page.html.includes(title) || /noindex/.test(robots(page))) wrong.push(`publish ${round}: ${describeAnswer(page)} robots="${robots(page)}"`)
    }
  }
  expect(wrong).toEqual([])
}, 180_000)
