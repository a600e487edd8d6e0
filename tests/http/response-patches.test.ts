import path from 'node:path'

import { adminSession, api, lexicalParagraph } from './auth'
import { startMongoStandIn, startOwnServer, stopOwnServer, type OwnServer } from './ownServer'
import { readServerState } from './server'

/**
 * lib/runtime/responsePatches.ts, the one module that patches Node's response, works around two
 * things Next 16.4 does. Each test here runs a server WITHOUT one of the patches
 * (tests/http/fixtures/without-response-patch.mjs) and shows Next still does it. When a Next
 * upgrade fixes one, its test fails: delete that patch (and the test) then. The tests with the
 * patches in place (search-redirects, faults) keep the site's behaviour pinned meanwhile.
 */
const RUN = Date.now().toString(36)
const FIXTURE = path.resolve('tests/http/fixtures/without-response-patch.mjs')

const without = (patch: string) => ({ nodeOptions: ['--import', FIXTURE], env: { WITHOUT_RESPONSE_PATCH: patch } })

describe('without the single-Location patch', () => {
  let server: OwnServer | undefined

  afterAll(() => stopOwnServer(server))

  // vercel/next.js#82117 (open; fix proposed in vercel/next.js#95913): a cached route that renders a
  // redirect on a cache miss sets Location while rendering and appends it again from the cache entry.
  it('Next still sends a renamed article’s old address with its Location twice (vercel/next.js#82117)', async () => {
    const { token } = await adminSession()
    const janet = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
    const created = await api('/articles', {
      method: 'POST',
      token,
      body: JSON.stringify({
        title: `Renamed twice ${RUN}`,
        slug: `before-${RUN}`,
        excerpt: 'An article the response-patch test renames.',
        content: lexicalParagraph('Words for the response-patch test.'),
        author: janet,
        _status: 'published',
      }),
    })
    expect(created.status).toBe(201)
    const renamed = await api(`/articles/${created.body.doc.id}`, { method: 'PATCH', token, body: JSON.stringify({ slug: `after-${RUN}`, _status: 'published' }) })
    expect(renamed.status).toBe(200)

    // A second server on the shared server's database, fresh (nothing cached), without the patch.
    const state = readServerState()
    if (!state) throw new Error('no test server state')
    server = await startOwnServer(`file:${path.join(state.dataDir, 'wellpress.db')}`, without('single-location'))
    const response = await fetch(`${server.baseUrl}/blog/before-${RUN}`, { redirect: 'manual' })
    expect(response.status).toBe(308)
    // fetch joins repeated headers with ", ": Next sent two identical Location headers.
    expect(response.headers.get('location')).toBe(`/blog/after-${RUN}, /blog/after-${RUN}`)
  }, 180_000)
})

describe('without the outage patch', () => {
  let standIn: Awaited<ReturnType<typeof startMongoStandIn>> | undefined
  let server: OwnServer | undefined

  afterAll(() => {
    standIn?.child.kill('SIGCONT')
    stopOwnServer(server)
    standIn?.child.kill('SIGTERM')
  })

  // No way for the App Router to choose a page's status (vercel/next.js discussion #53225): a page
  // whose render fails because the database is away is a 500 with an empty error shell.
  it('Next still answers a page it cannot render during a database outage with a 500', async () => {
    standIn = await startMongoStandIn()
    server = await startOwnServer(standIn.uri, without('outage-responses'))
    standIn.child.kill('SIGSTOP')
    const response = await fetch(`${server.baseUrl}/topics/immune-health`, { redirect: 'manual', signal: AbortSignal.timeout(60_000) })
    await response.text()
    expect(response.status).toBe(500)
    expect(response.headers.get('retry-after')).toBeNull()
  }, 240_000)
})
