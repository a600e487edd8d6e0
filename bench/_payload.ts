import path from 'node:path'

import type { Payload } from 'payload'

/**
 * Payload's Local API on a given SQLite file, from a bench process (outside Next). lib/config/env.ts
 * reads the environment once, at import, so it is set before the config is loaded. `seed`: whether
 * the first connection imports the therapist's article into an empty file.
 */
export async function openPayload(dbFile: string, { seed = false } = {}): Promise<Payload> {
  Object.assign(process.env, {
    DATABASE_URI: `file:${path.resolve(dbFile)}`,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'http-test-secret-http-test-secret-0123',
    NODE_ENV: 'test',
    SEED: seed ? 'true' : 'false',
  })
  const { startPayload } = await import('../scripts/startPayload')
  return startPayload()
}
