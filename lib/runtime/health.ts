import type { Payload } from 'payload'

import { TOPICS } from '../collections'
import { describeDatabaseError, isDatabaseUnavailable } from './db-errors'

/**
 * What this server process knows about its database, shared by the query layer (which notices
 * failures and recoveries as pages read), GET /health (which checks on demand) and lib/runtime/responsePatches.ts
 * (which turns a failed render into a 503 while the database is away).
 *
 * Kept on `globalThis`: Next bundles instrumentation.ts apart from the app's routes, so a
 * module-level variable would exist once per bundle, while the process (and this state) is one.
 */
type DatabaseState = { down: boolean; since: number; reason: string | null; shuttingDown: boolean }

const STATE_KEY = Symbol.for('wellpress.health')

function state(): DatabaseState {
  const holder = globalThis as { [STATE_KEY]?: DatabaseState }
  holder[STATE_KEY] ??= { down: false, since: Date.now(), reason: null, shuttingDown: false }
  return holder[STATE_KEY]
}

export function markDatabaseDown(reason: string): void {
  const current = state()
  if (!current.down) {
    current.since = Date.now()
    console.error(`[health] database unavailable: ${reason}`)
  }
  current.down = true
  current.reason = reason
}

export function markDatabaseUp(): void {
  const current = state()
  if (!current.down) return
  console.info(`[health] database back after ${Math.round((Date.now() - current.since) / 1000)} s`)
  current.down = false
  current.since = Date.now()
  current.reason = null
}

export function isDatabaseDown(): boolean {
  return state().down
}

/** Set on SIGTERM (instrumentation.ts): load balancers see /health fail while requests drain. */
export function markShuttingDown(): void {
  state().shuttingDown = true
}

/** The query layer's hook: a failed read that means "database unreachable" marks the outage. */
export function noteDatabaseFailure(error: unknown): void {
  if (isDatabaseUnavailable(error)) markDatabaseDown(describeDatabaseError(error))
}

/** Long enough for a healthy database under load; short enough for a load balancer's probe. */
export const HEALTH_CHECK_TIMEOUT_MS = 3000

export type HealthReport =
  | { status: 'ok'; database: { adapter: string }; uptimeSeconds: number; version: string }
  | {
      status: 'degraded' | 'shutting-down'
      checks: { database: string }
      database: { adapter: string; downSinceSeconds?: number }
      uptimeSeconds: number
      version: string
    }

/**
 * Reads the database for real (a count on a small collection: a query that touches a table, which
 * `SELECT 1` on SQLite would not), bounded by a timeout so a database that hangs reads as down.
 */
export async function checkHealth(getPayload: () => Promise<Payload>, version: string): Promise<HealthReport> {
  const uptimeSeconds = Math.round(process.uptime())
  let adapter = 'unknown'
  let failure: string | null = null
  try {
    const payload = await withTimeout(getPayload(), HEALTH_CHECK_TIMEOUT_MS)
    adapter = payload.db.name
    await withTimeout(payload.count({ collection: TOPICS, overrideAccess: true }), HEALTH_CHECK_TIMEOUT_MS)
    markDatabaseUp()
  } catch (error) {
    failure = describeDatabaseError(error)
    // A timeout or a connection error is an outage; anything else is still a failed check.
    markDatabaseDown(failure)
  }
  const current = state()
  if (!failure && !current.shuttingDown) return { status: 'ok', database: { adapter }, uptimeSeconds, version }
  return {
    status: current.shuttingDown ? 'shutting-down' : 'degraded',
    checks: { database: failure ? `unreachable: ${failure}` : 'ok' },
    database: failure ? { adapter, downSinceSeconds: Math.round((Date.now() - current.since) / 1000) } : { adapter },
    uptimeSeconds,
    version,
  }
}

class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`)
    this.name = 'TimeoutError'
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
