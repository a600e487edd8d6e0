/**
 * Decides which database adapter Wellpress runs on. Kept free of Payload imports so it can be
 * unit-tested without booting anything.
 */
export const DEFAULT_SQLITE_URL = 'file:./data/wellpress.db'

export type DatabaseChoice =
  | { adapter: 'mongodb'; url: string }
  | { adapter: 'sqlite'; url: string; filePath: string }

/**
 * SQLite: write-ahead logging, so readers never wait for the writer (pages keep rendering while
 * the therapist saves), with fsync on every commit (synchronous FULL: a saved inquiry survives a
 * power cut); a writer that finds the file locked waits up to 5 s instead of failing at once.
 * journal_mode=WAL is stored in the file; busy_timeout is set on the connection the adapter opens.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000
export const SQLITE_WAL = { synchronous: 'FULL' } as const

/**
 * MongoDB: notice an unreachable server in seconds, not the driver's 30 s defaults, so pages
 * answer 503 soon (lib/runtime/responsePatches.ts). The heartbeat check fails after connectTimeoutMS, which also
 * interrupts operations waiting on the dead connection; new ones give up after
 * serverSelectionTimeoutMS. The driver reconnects by itself when the server is back.
 */
export const MONGODB_CONNECT_OPTIONS = {
  serverSelectionTimeoutMS: 5000,
  connectTimeoutMS: 5000,
  heartbeatFrequencyMS: 2000,
} as const

const MONGODB_URI = /^mongodb(\+srv)?:\/\//
const SQLITE_FILE_URI = /^file:/

/** Why a DATABASE_URI was refused; shown to whoever set it. */
export const DATABASE_URI_EXPECTED =
  'a mongodb:// or mongodb+srv:// URI (MongoDB), a file: URL (SQLite), or unset for the embedded SQLite file'

export function isSupportedDatabaseUri(uri: string | undefined): boolean {
  const value = uri?.trim()
  return !value || MONGODB_URI.test(value) || SQLITE_FILE_URI.test(value)
}

/**
 * `mongodb://` or `mongodb+srv://` → MongoDB (production). Unset or empty → the embedded SQLite
 * file. A `file:` URL → SQLite at that file (tests use temporary ones). Anything else is a
 * mistake we refuse rather than silently writing to a different database than intended.
 */
export function chooseDatabase(uri: string | undefined): DatabaseChoice {
  const value = uri?.trim() ?? ''
  if (MONGODB_URI.test(value)) return { adapter: 'mongodb', url: value }
  if (value === '') return sqlite(DEFAULT_SQLITE_URL)
  if (SQLITE_FILE_URI.test(value)) return sqlite(value)
  throw new Error(`DATABASE_URI: expected ${DATABASE_URI_EXPECTED}, got "${redact(value)}"`)
}

function sqlite(url: string): DatabaseChoice {
  // `file:./x.db`, `file:x.db` and `file:///abs/x.db` all name a path after the scheme.
  const filePath = decodeURIComponent(url.replace(/^file:(\/\/(?=\/))?/, '').split('?')[0])
  return { adapter: 'sqlite', url, filePath }
}

/** Never echo credentials from a connection string into logs. */
function redact(value: string): string {
  return value.replace(/\/\/[^@/]*@/, '//***@').slice(0, 80)
}
