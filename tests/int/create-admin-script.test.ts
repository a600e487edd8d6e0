import { spawnSync } from 'node:child_process'

import { temporarySqlite } from './helpers'

/**
 * `npm run create-admin` as an operator runs it: a real process on a real SQLite file, from
 * ADMIN_EMAIL/ADMIN_PASSWORD (a script, a container) or refusing without them when no terminal
 * can ask. It checks its own work (the new account logs in, as an admin) before saying so.
 */
const db = temporarySqlite()
afterAll(() => db.cleanup())

function createAdmin(env: Record<string, string>) {
  const result = spawnSync('npx', ['tsx', 'scripts/create-admin.ts'], {
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URI: db.uri, PAYLOAD_SECRET: 'create-admin-test-secret-0123456789abcdef', ...env },
    input: '',
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
}

it('creates an admin from ADMIN_EMAIL and ADMIN_PASSWORD, and says so only once it logs in', () => {
  const created = createAdmin({ ADMIN_EMAIL: 'Janet@Example.com', ADMIN_PASSWORD: 'a-long-admin-password' })
  expect(created.output).toContain('Admin created: janet@example.com. Log in at /admin.')
  expect(created.status).toBe(0)
})

it('refuses an e-mail that already has an account, changing nothing', () => {
  const again = createAdmin({ ADMIN_EMAIL: 'janet@example.com', ADMIN_PASSWORD: 'another-long-password' })
  expect(again.status).toBe(1)
  expect(again.output).toContain('janet@example.com already has an account')
})

it('refuses a short password and, without a terminal to ask, missing credentials', () => {
  const short = createAdmin({ ADMIN_EMAIL: 'sam@example.com', ADMIN_PASSWORD: 'short' })
  expect(short.status).toBe(1)
  expect(short.output).toContain('The password must be at least 12 characters.')
  const missing = createAdmin({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })
  expect(missing.status).toBe(1)
  expect(missing.output).toContain('Set ADMIN_EMAIL and ADMIN_PASSWORD')
})
