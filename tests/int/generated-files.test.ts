import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, SanitizedConfig } from 'payload'

import { bootPayload, shutdown, temporarySqlite, type TestDatabase } from './helpers'

/**
 * Files generated from the Payload config are committed; these checks fail when a collection
 * changed without regenerating them (run the command each failure names, then commit).
 */
const root = process.cwd()
let db: TestDatabase
let payload: Payload
let config: SanitizedConfig

beforeAll(async () => {
  db = temporarySqlite()
  payload = await bootPayload(db)
  config = payload.config
})
afterAll(async () => {
  await shutdown(payload, db)
})

it('payload-types.ts matches the config (npm run generate:types)', async () => {
  const { generateTypes } = await import('payload/node')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-types-'))
  const output = path.join(dir, 'payload-types.ts')
  process.env.PAYLOAD_TS_OUTPUT_PATH = output
  try {
    await generateTypes(config, { log: false })
    const regenerated = readFileSync(output, 'utf8')
    expect(regenerated.length).toBeGreaterThan(1000)
    expect(readFileSync(path.join(root, 'payload-types.ts'), 'utf8')).toBe(regenerated)
  } finally {
    delete process.env.PAYLOAD_TS_OUTPUT_PATH
    rmSync(dir, { recursive: true, force: true })
  }
})

it('the admin import map matches the config (npm run generate:importmap)', async () => {
  const file = path.join(root, 'app/(payload)/admin/importMap.js')
  const committed = readFileSync(file, 'utf8')
  const { generateImportMap } = await import('payload')
  await generateImportMap(config, { log: false })
  // If this fails, the regenerated file is already on disk: review and commit it.
  expect(readFileSync(file, 'utf8')).toBe(committed)
  expect(committed).toContain('@payloadcms/next/client#SlugField')
})

it('the committed SQLite migrations produce exactly the schema the collections need (npm run migrate:create)', async () => {
  const dir = path.join(root, 'lib/migrations')
  const latest = readdirSync(dir).filter((name) => name.endsWith('.json')).sort().at(-1)
  expect(latest).toBeDefined()
  const adapter = payload.db as unknown as {
    schema: unknown
    requireDrizzleKit(): {
      generateDrizzleJson(schema: unknown): Promise<unknown>
      generateMigration(before: unknown, after: unknown): Promise<string[]>
    }
  }
  const kit = adapter.requireDrizzleKit()
  const current = await kit.generateDrizzleJson(adapter.schema)
  const snapshot = JSON.parse(readFileSync(path.join(dir, latest as string), 'utf8'))
  expect(await kit.generateMigration(snapshot, current)).toEqual([])
})
