import { readFileSync, readlinkSync, realpathSync } from 'node:fs'
import { request } from 'node:http'

import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from './ownServer'
import { serverMemoryEnv } from './server'

/**
 * SIGTERM (a deploy, `docker stop`): the server stops taking connections, finishes the requests it
 * has, stops Payload's job cron and exits by itself, well inside Docker's 10 s grace period. Next
 * exits with 143 (128 + SIGTERM), the conventional "stopped by SIGTERM" code, on purpose.
 */
let server: OwnServer | undefined
const database = temporarySqliteUri()

beforeAll(async () => {
  server = await startOwnServer(database.uri)
}, 180_000)

afterAll(() => {
  stopOwnServer(server)
  database.cleanup()
})

/** A GraphQL read whose body arrives in two parts: the request is in flight until we send the rest. */
function slowGraphqlRead(baseUrl: string) {
  const body = JSON.stringify({ query: '{ Topics { totalDocs docs { slug } } }' })
  const req = request(`${baseUrl}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } })
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (response) => {
      let text = ''
      response.on('data', (chunk) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
    })
    req.on('error', reject)
  })
  // Awaited only once the test gets that far; if it fails before, the server's end must not
  // surface as an unhandled rejection in whichever test file this worker runs next.
  answered.catch(() => {})
  req.write(body.slice(0, 10))
  return { finish: () => req.end(body.slice(10)), answered }
}

/** Whether a new connection (never a kept-alive one) is refused. */
function refusesNewConnection(baseUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(`${baseUrl}/health`, { agent: false, timeout: 1_000 }, (response) => {
      response.resume()
      resolve(false)
    })
    probe.on('timeout', () => probe.destroy())
    probe.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
    probe.end()
  })
}

/** Whether new connections are refused within `ms` (polled: a busy machine takes a moment). */
async function refusesConnectionsWithin(baseUrl: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await refusesNewConnection(baseUrl)) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

test('started as `npm start` starts it: Node itself (no shell left in front of it), with the server memory settings', () => {
  const pid = server!.child.pid
  // scripts/start.sh execs Node: the process signals reach is the server, not a shell.
  expect(readlinkSync(`/proc/${pid}/exe`)).toBe(realpathSync(process.execPath))
  const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')
  const memory = serverMemoryEnv()
  expect(environment).toContain(`NODE_OPTIONS=${memory.NODE_OPTIONS}`)
  // An operator's own MALLOC_ARENA_MAX is kept.
  expect(environment).toContain(`MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? memory.MALLOC_ARENA_MAX}`)
})

test('SIGTERM: the in-flight request completes, new connections are refused, the process exits in time', async () => {
  const inFlight = slowGraphqlRead(server!.baseUrl)
  await new Promise((resolve) => setTimeout(resolve, 300))

  server!.child.kill('SIGTERM')
  // No longer listening: a load balancer's next try goes elsewhere.
  expect(await refusesConnectionsWithin(server!.baseUrl, 5_000)).toBe(true)
  // The process waits for the request it already has.
  expect(server!.child.exitCode).toBeNull()

  inFlight.finish()
  const answer = await inFlight.answered
  expect(answer.status).toBe(200)
  expect(JSON.parse(answer.text).data.Topics.docs).toEqual([{ slug: 'immune-health' }])

  // Inside Docker's 10 s grace period, counted from the moment it had nothing left to finish (the
  // test itself held the in-flight request open until here).
  const drainedAt = Date.now()
  const code = await Promise.race([server!.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000))])
  expect(code).toBe(143)
  expect(Date.now() - drainedAt).toBeLessThan(10_000)
  expect(server!.log()).toContain('[shutdown] SIGTERM: job cron stopped')
}, 60_000)
