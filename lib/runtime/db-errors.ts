/**
 * Telling "the database is not there" apart from every other failure, for both adapters, so the
 * site can answer 503 + Retry-After (come back soon) instead of 500 (something is broken).
 * Pure: no Payload or Next imports, unit-tested on the errors the drivers really throw.
 */

/**
 * Stamped on the error as its `digest`: Next keeps a digest it finds on a thrown error and hands
 * it to the client error boundary (app/(frontend)/error.tsx), where the message itself is hidden
 * in production.
 */
export const DATABASE_UNAVAILABLE_DIGEST = 'WELLPRESS_DATABASE_UNAVAILABLE'

export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST

  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Database unavailable: ${reason}`, options)
    this.name = 'DatabaseUnavailableError'
  }
}

/** MongoDB driver and mongoose errors that mean the server cannot be reached (not a bad query). */
const MONGO_UNREACHABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
])

/**
 * SQLite result codes (libsql reports them as `code`, extended ones as `SQLITE_IOERR_READ` etc.)
 * that mean the file cannot be used right now, not that the statement was wrong.
 */
const SQLITE_UNAVAILABLE_CODE = /^SQLITE_(CANTOPEN|IOERR|NOTADB|CORRUPT|BUSY|LOCKED|FULL|READONLY|PERM)(_|$)/

/** mongoose queues commands while disconnected and gives up with this message. */
const MONGOOSE_BUFFERING_TIMEOUT = /buffering timed out after/i

function ownCodes(error: Record<string, unknown>): string[] {
  return [error.code, error.rawCode, error.errno]
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.toUpperCase())
}

function isUnavailableHere(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true
  if (typeof error !== 'object' || error === null) return false
  const record = error as Record<string, unknown>
  const name = typeof record.name === 'string' ? record.name : ''
  const message = typeof record.message === 'string' ? record.message : ''
  if (MONGO_UNREACHABLE_NAMES.has(name)) return true
  if (MONGOOSE_BUFFERING_TIMEOUT.test(message)) return true
  if (ownCodes(record).some((code) => SQLITE_UNAVAILABLE_CODE.test(code) || code === 'ECONNREFUSED')) return true
  // libsql sometimes only has the code in the message: "SQLITE_NOTADB: file is not a database".
  return SQLITE_UNAVAILABLE_CODE.test(message.split(':')[0]?.trim() ?? '')
}

/** True when the error, or one it wraps (`cause`, at most a few levels), means "database unreachable". */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current; depth++) {
    if (isUnavailableHere(current)) return true
    current = typeof current === 'object' && current !== null ? (current as { cause?: unknown }).cause : undefined
  }
  return false
}

/**
 * A short reason for logs and /health: the error's kind and first line, without connection
 * strings (a URI with credentials may appear in driver messages).
 */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 120)
  const firstLine = error.message.split('\n')[0] ?? ''
  const safe = firstLine.replace(/[a-z][a-z\d+.-]*:\/\/[^\s,;)]*/gi, '<uri>').slice(0, 160)
  return error.name && error.name !== 'Error' ? `${error.name}: ${safe}` : safe
}

/** Rethrows `error` as a DatabaseUnavailableError when it is one; otherwise unchanged. */
export function classifyDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isDatabaseUnavailable(error)) return error
  return new DatabaseUnavailableError(describeDatabaseError(error), { cause: error })
}
