import { spawnSync } from 'node:child_process'

import { temporarySqlite } from './helpers'

/** `npm run seed` as a user runs it: a real process on a real SQLite file, twice. */
const db = temporarySqlite()
afterAll(() => db.cleanup())

function runSeed() {
  const result = spawnSync('npx', ['tsx', 'scripts/seed.ts'], {
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URI: db.uri, PAYLOAD_SECRET: 'seed-script-test-secret-0123456789abcdef' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
}

it('creates the first article on an empty database, then changes nothing on a second run', () => {
  const first = runSeed()
  expect(first.status).toBe(0)
  expect(first.output).toContain('created  articles/massage-therapy-benefits-on-immune-function')
  expect(first.output).toContain('Seed complete: 12 created, 0 already present.')

  const second = runSeed()
  expect(second.status).toBe(0)
  expect(second.output).toContain('Seed complete: 0 created, 12 already present.')
})
