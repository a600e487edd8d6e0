import { spawn } from 'node:child_process'

import { createClient, type Client } from '@libsql/client'
import type { Payload } from 'payload'

import { SQLITE_BUSY_TIMEOUT_MS } from '@/lib/config/database'
import { bootPayload, shutdown, temporarySqlite, type TestDatabase } from './helpers'

/**
 * The SQLite file runs in WAL mode with a busy timeout, read back from a real file database the
 * way the app opens it, and shown by behaviour: a reader is not blocked by an open write
 * transaction, and a write that finds the file locked waits instead of failing.
 */
/** Holds the write lock on the file named by argv[1] for 800 ms, then commits. */
const LOCK_FOR_800_MS = `
import { createClient } from '@libsql/client'
const client = createClient({ url: process.argv[1] })
await client.execute('BEGIN IMMEDIATE')
console.log('locked')
await new Promise((resolve) => setTimeout(resolve, 800))
await client.execute('COMMIT')
client.close()
`

describe('SQLite: WAL and busy timeout', () => {
  let db: TestDatabase
  let payload: Payload
  let other: Client | undefined

  const client = () => (payload.db as unknown as { client: Client }).client
  const pragma = async (target: Client, name: string) => Object.values((await target.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0]

  beforeAll(async () => {
    db = temporarySqlite()
    payload = await bootPayload(db)
    await payload.create({ collection: 'topics', data: { name: 'Sleep', slug: 'sleep' } })
    other = createClient({ url: db.uri })
  })
  afterAll(async () => {
    other?.close()
    await shutdown(payload, db)
  })

  test("the app's connection: journal_mode wal, busy_timeout 5000, synchronous FULL (after migrations and writes)", async () => {
    expect(SQLITE_BUSY_TIMEOUT_MS).toBe(5000)
    expect(await pragma(client(), 'journal_mode')).toBe('wal')
    expect(Number(await pragma(client(), 'busy_timeout'))).toBe(5000)
    expect(Number(await pragma(client(), 'synchronous'))).toBe(2) // FULL
  })

  test('WAL is stored in the file: any other connection opens it in WAL mode too', async () => {
    expect(await pragma(other!, 'journal_mode')).toBe('wal')
  })

  test('a reader is not blocked while another connection holds a write transaction', async () => {
    await other!.execute('BEGIN IMMEDIATE')
    try {
      await other!.execute("UPDATE topics SET name = 'Sleep (locked)' WHERE slug = 'sleep'")
      const started = Date.now()
      const { docs } = await payload.find({ collection: 'topics', where: { slug: { equals: 'sleep' } } })
      expect(docs[0]?.name).toBe('Sleep') // the committed version, at once
      expect(Date.now() - started).toBeLessThan(1000)
    } finally {
      await other!.execute('ROLLBACK')
    }
  })

  test('a write that finds the file locked (by another process) waits for the lock instead of failing', async () => {
    // libsql is synchronous: SQLite's busy wait blocks this thread, so the lock must be held by
    // another process (a backup script, `npm run seed`), as it would be in production.
    const locker = spawn(process.execPath, ['--input-type=module', '-e', LOCK_FOR_800_MS, db.uri], { stdio: ['ignore', 'pipe', 'inherit'] })
    const exited = new Promise((resolve) => locker.on('exit', resolve))
    await new Promise<void>((resolve, reject) => {
      locker.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
      locker.on('exit', (code) => reject(new Error(`the locking process exited early (${code})`)))
    })
    const started = Date.now()
    const created = await payload.create({ collection: 'topics', data: { name: 'Posture', slug: 'posture' } })
    expect(created.slug).toBe('posture')
    expect(Date.now() - started).toBeGreaterThanOrEqual(400)
    expect(await exited).toBe(0)
  })
})
