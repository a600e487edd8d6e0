import { LibsqlError } from '@libsql/client'
import { MongoNetworkTimeoutError, MongoServerError, MongoServerSelectionError } from 'mongodb'

import {
  classifyDatabaseError,
  DATABASE_UNAVAILABLE_DIGEST,
  DatabaseUnavailableError,
  describeDatabaseError,
  isDatabaseUnavailable,
} from '@/lib/runtime/db-errors'

/** The driver's constructor wants the topology it gave up on; these tests need only the class. */
const selectionError = (message: string) => new MongoServerSelectionError(message, { error: null } as never)

/** The drivers' own error classes, as they reach the query layer. */
describe('isDatabaseUnavailable', () => {
  test.each([
    ['MongoDB server selection timed out', selectionError('Server selection timed out after 5000 ms')],
    ['MongoDB connection timed out', new MongoNetworkTimeoutError('connection 3 to 127.0.0.1:27017 timed out')],
    ['mongoose buffering timeout', new Error('Operation `articles.find()` buffering timed out after 10000ms')],
    ['SQLite file is not a database', new LibsqlError('file is not a database', 'SQLITE_NOTADB')],
    ['SQLite cannot open the file', new LibsqlError('unable to open database file', 'SQLITE_CANTOPEN')],
    ['SQLite locked past the busy timeout', new LibsqlError('database is locked', 'SQLITE_BUSY')],
    ['SQLite extended I/O error', new LibsqlError('disk I/O error', 'SQLITE_IOERR_READ')],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { code: 'ECONNREFUSED' })],
    ['wrapped in a cause', new Error('find failed', { cause: selectionError('no server') })],
  ])('%s → unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  test.each([
    ['a bad query', new MongoServerError({ message: 'unknown operator: $foo', code: 2 })],
    ['an SQL error', new LibsqlError('no such column: x', 'SQLITE_ERROR')],
    ['a constraint', new LibsqlError('UNIQUE constraint failed: topics.slug', 'SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'slug')")],
    ['not an error', 'nope'],
    ['nothing', undefined],
  ])('%s → not unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})

describe('classifyDatabaseError', () => {
  test('an outage becomes a DatabaseUnavailableError with the digest the error boundary reads, keeping the cause', () => {
    const cause = selectionError('Server selection timed out after 5000 ms')
    const classified = classifyDatabaseError(cause)
    expect(classified).toBeInstanceOf(DatabaseUnavailableError)
    expect((classified as DatabaseUnavailableError).digest).toBe(DATABASE_UNAVAILABLE_DIGEST)
    expect((classified as Error).cause).toBe(cause)
  })

  test('any other error is passed on unchanged', () => {
    const bug = new TypeError('boom')
    expect(classifyDatabaseError(bug)).toBe(bug)
  })
})

describe('describeDatabaseError', () => {
  test('names the kind, keeps one line, never shows a connection string', () => {
    const error = selectionError('getaddrinfo ENOTFOUND for mongodb://user:pass@db.internal:27017/wellpress\nstack…')
    const description = describeDatabaseError(error)
    expect(description).toBe('MongoServerSelectionError: getaddrinfo ENOTFOUND for <uri>')
    expect(description).not.toContain('pass')
  })
})
