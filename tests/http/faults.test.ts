import type { ChildProcess } from 'node:child_process'

import { startMongoStandIn, startOwnServer, stopOwnServer, waitForHealth, type OwnServer } from './ownServer'

/**
 * The database goes away under a running production server and comes back. MongoDB is the
 * practical case here: the in-memory stand-in is paused with SIGSTOP, which keeps its data and
 * makes a URI that accepts connections but never answers (the nastier outage: nothing fails
 * fast), then resumed with SIGCONT. The app is never restarted.
 */
const ARTICLE = '/blog/massage-therapy-benefits-on-immune-function'
const NEVER_REQUESTED_PAGE = '/topics/immune-health'
const NEVER_REQUESTED_FEED = '/feed.xml'

let standIn: { uri: string; child: ChildProcess } | undefined
let server: OwnServer | undefined
/** Every status this file saw during the outage: none may be a 500. */
const seen: { path: string; status: number }[] = []

async function get(path: string) {
  const response = await fetch(`${server!.baseUrl}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(45_000) })
  const text = await response.text()
  seen.push({ path, status: response.status })
  return { status: response.status, headers: response.headers, text }
}

beforeAll(async () => {
  standIn = await startMongoStandIn()
  server = await startOwnServer(standIn.uri) // an empty database: the first start seeds the article
}, 180_000)

afterAll(() => {
  standIn?.child.kill('SIGCONT')
  stopOwnServer(server)
  standIn?.child.kill('SIGTERM')
})

test('healthy: /health answers 200 ok with the adapter, uptime and version, never cached', async () => {
  const health = await get('/health')
  expect(health.status).toBe(200)
  expect(health.headers.get('cache-control')).toBe('no-store')
  const body = JSON.parse(health.text)
  expect(body).toEqual({ status: 'ok', database: { adapter: 'mongoose' }, uptimeSeconds: expect.any(Number), version: expect.any(String) })
  expect(health.text).not.toMatch(/mongodb:\/\/|secret/i)
})

test('database down: cached pages 200, others a calm 503, /health degraded; back by itself', async () => {
  // Warm the article into Next's data cache.
  expect((await get(ARTICLE)).status).toBe(200)

  standIn!.child.kill('SIGSTOP')

  const health = await get('/health')
  expect(health.status).toBe(503)
  expect(health.headers.get('cache-control')).toBe('no-store')
  const report = JSON.parse(health.text)
  expect(report.status).toBe('degraded')
  expect(report.checks.database).toMatch(/^unreachable: /)

  const article = await get(ARTICLE)
  expect(article.status).toBe(200)
  expect(article.text).toContain('Massage Therapy Benefits on Immune Function')

  const page = await get(NEVER_REQUESTED_PAGE)
  expect(page.status).toBe(503)
  expect(page.headers.get('retry-after')).toMatch(/^\d+$/)
  expect(page.headers.get('cache-control')).toBe('no-store')
  expect(page.headers.get('content-type')).toContain('text/html')
  expect(page.text).toContain('We’ll be right back')

  const feed = await get(NEVER_REQUESTED_FEED)
  expect(feed.status).toBe(503)
  expect(feed.headers.get('retry-after')).toMatch(/^\d+$/)

  expect(seen.filter(({ status }) => status >= 500 && status !== 503)).toEqual([])

  standIn!.child.kill('SIGCONT')
  // The driver notices within its heartbeat (2 s) and reconnects; no restart of the app.
  expect(await waitForHealth(server!, 200, 30_000)).toBe(200)
  const recovered = await get(NEVER_REQUESTED_PAGE)
  expect(recovered.status).toBe(200)
  expect(recovered.text).toContain('Immune health')
  expect((await get(NEVER_REQUESTED_FEED)).status).toBe(200)
  expect((await get(ARTICLE)).status).toBe(200)
}, 180_000)
