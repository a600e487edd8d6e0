import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

export type TestDatabase = { name: 'sqlite' | 'mongodb'; uri: string; cleanup: () => void }

/** A fresh SQLite file per test file: real database, no shared state between suites. */
export function temporarySqlite(): TestDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-int-'))
  return {
    name: 'sqlite',
    uri: `file:${path.join(dir, 'test.db')}`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** A fresh database name per test file on the MongoDB server in MONGODB_URI. */
export function temporaryMongo(baseUri: string): TestDatabase {
  const url = new URL(baseUri)
  url.pathname = `/wellpress_test_${process.pid}_${Date.now().toString(36)}`
  return { name: 'mongodb', uri: url.toString(), cleanup: () => {} }
}

/**
 * Boots Payload for real on the given database. The environment is set before the config is
 * imported because lib/config/env.ts reads it once, at import.
 */
export async function bootPayload(db: TestDatabase, extraEnv: Record<string, string> = {}): Promise<Payload> {
  Object.assign(process.env, {
    DATABASE_URI: db.uri,
    PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
    SEED: 'false',
    ...extraEnv,
  })
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  return getPayload({ config })
}

export async function shutdown(payload: Payload | undefined, db: TestDatabase) {
  if (payload && db.name === 'mongodb') {
    // Leave the shared server as we found it.
    await (payload.db as unknown as { connection?: { dropDatabase(): Promise<unknown> } }).connection?.dropDatabase()
  }
  await payload?.destroy()
  db.cleanup()
}

/** Settings that send the site's e-mail to a test SMTP sink on loopback (tests/smtpSink.ts). */
export const smtpSinkEnv = (port: number) => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  SMTP_FROM: 'website@wellpress.test',
  NOTIFY_EMAIL: 'janet@wellpress.test',
})

/** Later suites in the same worker read process.env afresh: leave no mail server configured for them. */
export function forgetSmtpSinkEnv() {
  for (const name of Object.keys(smtpSinkEnv(0))) delete process.env[name]
}
