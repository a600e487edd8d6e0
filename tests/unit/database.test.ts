import { chooseDatabase, DEFAULT_SQLITE_URL, isSupportedDatabaseUri } from '@/lib/config/database'

describe('chooseDatabase', () => {
  it('uses the embedded SQLite file when DATABASE_URI is unset or blank', () => {
    for (const uri of [undefined, '', '   ']) {
      expect(chooseDatabase(uri)).toEqual({ adapter: 'sqlite', url: DEFAULT_SQLITE_URL, filePath: './data/wellpress.db' })
    }
  })

  it.each([
    'mongodb://localhost:27017/wellpress',
    'mongodb://user:pass@mongo:27017/wellpress?replicaSet=rs0',
    'mongodb+srv://cluster0.example.net/wellpress',
  ])('uses MongoDB for %s', (uri) => {
    expect(chooseDatabase(uri)).toEqual({ adapter: 'mongodb', url: uri })
  })

  it.each([
    ['file:./data/test.db', './data/test.db'],
    ['file:data/test.db', 'data/test.db'],
    ['file:///tmp/wellpress/test.db', '/tmp/wellpress/test.db'],
    ['file:/tmp/with%20space.db', '/tmp/with space.db'],
  ])('uses SQLite at the file a file: URL names (%s)', (uri, filePath) => {
    expect(chooseDatabase(uri)).toEqual({ adapter: 'sqlite', url: uri, filePath })
  })

  it('refuses other schemes instead of silently using a different database', () => {
    expect(() => chooseDatabase('postgres://localhost/wellpress')).toThrow(/DATABASE_URI: expected a mongodb:\/\//)
    expect(isSupportedDatabaseUri('postgres://localhost/wellpress')).toBe(false)
    expect(isSupportedDatabaseUri('mysql://x')).toBe(false)
  })

  it('never echoes credentials in its error', () => {
    expect(() => chooseDatabase('postgres://admin:hunter2@db/wellpress')).toThrow(/\*\*\*@db/)
    try {
      chooseDatabase('postgres://admin:hunter2@db/wellpress')
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2')
    }
  })
})
