/**
 * Decides which database adapter Wellpress runs on. Kept free of Payload imports so it can be
 * unit-tested without booting anything.
 */
export const DEFAULT_SQLITE_URL = 'file:./data/wellpress.db'

export type DatabaseChoice =
  | { adapter: 'mongodb'; url: string }
  | { adapter: 'sqlite'; url: string; filePath: string }

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
