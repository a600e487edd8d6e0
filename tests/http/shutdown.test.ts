import { request } from 'node:http'

import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from './ownServer'

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
  req.write(body.slice(0, 10))
  return { finish: () => req.end(body.slice(10)), answered }
}

test('SIGTERM: the in-flight request completes, new connections are refused, the process exits in time', async () => {
  const inFlight = slowGraphqlRead(server!.baseUrl)
  await new Promise((resolve) => setTimeout(resolve, 300))

  const signalledAt = Date.now()
  server!.child.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 500))
  // No longer listening: a load balancer's next try goes elsewhere.
  await expect(fetch(`${server!.baseUrl}/health`)).rejects.toThrow()
  // The process waits for the request it already has.
  expect(server!.child.exitCode).toBeNull()

  inFlight.finish()
  const answer = await inFlight.answered
  expect(answer.status).toBe(200)
  expect(JSON.parse(answer.text).data.Topics.docs).toEqual([{ slug: 'immune-health' }])

  const code = await Promise.race([server!.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000))])
  expect(code).toBe(143)
  expect(Date.now() - signalledAt).toBeLessThan(10_000)
  expect(server!.log()).toContain('[shutdown] SIGTERM: job cron stopped')
}, 60_000)
