import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { makePrivateDir, PRIVATE_FILE_MODE } from './dataDir'
import type { Env } from './env'

export const GENERATED_SECRET_FILE = path.join('data', '.payload-secret')

/**
 * The secret Payload signs sessions with. A given PAYLOAD_SECRET always wins; otherwise (the env
 * schema has already refused a missing one where that is unsafe) one is generated once into
 * data/ and reused, so logins survive restarts without any setup.
 */
export function resolvePayloadSecret(
  env: Pick<Env, 'PAYLOAD_SECRET'>,
  file: string = path.resolve(process.cwd(), GENERATED_SECRET_FILE),
): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  const existing = readSecret(file)
  if (existing) return existing
  makePrivateDir(path.dirname(file))
  const secret = randomBytes(32).toString('hex')
  try {
    // `wx`: if two processes start at once, the second keeps the first one's secret.
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE })
    return secret
  } catch (error) {
    const raced = readSecret(file)
    if (raced) return raced
    throw error
  }
}

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
