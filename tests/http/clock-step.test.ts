import path from 'node:path'

import { apiAt, lexicalParagraph, registerFirstAdminAt } from './auth'
import { getAt, type Page } from './html'
import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from './ownServer'

/**
 * Publish → live on the next request on a machine whose wall clock was stepped forward after the
 * server started (time synchronisation on a fresh machine does that): Date.now() then runs ahead
 * of the monotonic clock behind performance.now(). Every page was requested (and so cached)
 * before each change, and the first request after the change must show it: a new article 200 and
 * indexable (never the cached 404, never its `noindex`), an edit its new title, an unpublished
 * article 404.
 *
 * Its own server, started with tests/http/fixtures/wall-clock-ahead.mjs preloaded.
 */
const RUN = Date.now().toString(36)
const SLUG = `clock-step-${RUN}`
const PAGE = `/blog/${SLUG}`
const TITLE = `Hands that keep time ${RUN}`
const NEW_TITLE = `Hands that keep better time ${RUN}`

let server: OwnServer | undefined
const database = temporarySqliteUri()
let token: string
let articleId: string

const api = (pathname: string, init: RequestInit = {}) => apiAt(server!.baseUrl, pathname, { ...init, token })
const page = () => getAt(server!.baseUrl, PAGE)
const robots = (answer: Page) => answer.doc.querySelector('head meta[name="robots"]')?.getAttribute('content') ?? ''
const h1 = (answer: Page) => answer.doc.querySelector('h1')?.textContent ?? ''

async function change(data: Record<string, unknown>) {
  const updated = await api(`/articles/${articleId}`, { method: 'PATCH', body: JSON.stringify(data) })
  expect(updated.status).toBe(200)
}

beforeAll(async () => {
  server = await startOwnServer(database.uri, {
    nodeOptions: ['--import', path.resolve('tests/http/fixtures/wall-clock-ahead.mjs')],
    env: { WALL_CLOCK_AHEAD_MS: '5000' },
  })
  token = (await registerFirstAdminAt(server.baseUrl)).token
}, 180_000)

afterAll(() => {
  stopOwnServer(server)
  database.cleanup()
})

test('a new article answers 200 and indexable on the first request after publishing, though its 404 was cached', async () => {
  expect((await page()).status).toBe(404)
  const janet = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
  const created = await api('/articles', {
    method: 'POST',
    body: JSON.stringify({ title: TITLE, slug: SLUG, excerpt: 'Timing in massage.', content: lexicalParagraph('Rhythm calms.'), author: janet, _status: 'published' }),
  })
  expect(created.status).toBe(201)
  articleId = created.body.doc.id

  for (const answer of [await page(), await page()]) {
    expect({ status: answer.status, h1: h1(answer), robots: robots(answer) }).toEqual({ status: 200, h1: TITLE, robots: expect.not.stringContaining('noindex') })
  }
})

test('an edit shows on the first request after it', async () => {
  expect(h1(await page())).toBe(TITLE)
  await change({ title: NEW_TITLE, _status: 'published' })
  expect(h1(await page())).toBe(NEW_TITLE)
})

test('an unpublished article answers 404 on the first request after it', async () => {
  expect((await page()).status).toBe(200)
  await change({ _status: 'draft' })
  expect((await page()).status).toBe(404)
})
