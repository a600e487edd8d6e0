import { EnvError, parseEnv } from '@/lib/config/env'

const SECRET = 'x'.repeat(32)

function issuesOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source)
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError)
    return (error as EnvError).issues
  }
  throw new Error('expected the environment to be refused')
}

describe('environment schema', () => {
  it('runs with nothing set: development, embedded SQLite, localhost, port 3000, seeding on', () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: 'development',
      SITE_URL: 'http://localhost:3000',
      PORT: 3000,
      S3_FORCE_PATH_STYLE: false,
      SEED: true,
      TRUSTED_ORIGINS: [],
      TRUSTED_PROXIES: [],
    })
  })

  it('treats empty strings from .env files as unset', () => {
    expect(parseEnv({ DATABASE_URI: '', PAYLOAD_SECRET: ' ', SITE_URL: '' })).toMatchObject({
      DATABASE_URI: undefined,
      PAYLOAD_SECRET: undefined,
      SITE_URL: 'http://localhost:3000',
    })
  })

  it('strips trailing slashes from SITE_URL so canonical URLs never double them', () => {
    expect(parseEnv({ SITE_URL: 'https://janet-massage.example/' }).SITE_URL).toBe('https://janet-massage.example')
  })

  it.each([
    [{ SITE_URL: 'janet-massage.example' }, /^SITE_URL: expected an absolute http\(s\) URL/],
    [{ SITE_URL: 'ftp://janet.example' }, /^SITE_URL: /],
    [{ PORT: 'eighty' }, /^PORT: expected a port number/],
    [{ PORT: '70000' }, /^PORT: expected a port between 1 and 65535/],
    [{ PORT: '3000.5' }, /^PORT: expected a whole number/],
    [{ DATABASE_URI: 'postgres://localhost/db' }, /^DATABASE_URI: expected a mongodb:\/\//],
    [{ PAYLOAD_SECRET: 'short' }, /^PAYLOAD_SECRET: must be at least 32 characters/],
    [{ SEED: 'maybe' }, /^SEED: expected true or false/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV: /],
  ])('names the variable and what it expects: %j', (source, message) => {
    const issues = issuesOf(source)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatch(message)
  })

  it('reports every bad variable at once', () => {
    const issues = issuesOf({ PORT: 'x', SITE_URL: 'nope' })
    expect(issues.map((issue) => issue.split(':')[0]).sort()).toEqual(['PORT', 'SITE_URL'])
  })

  it.each([
    ['false', false],
    ['0', false],
    ['no', false],
    ['FALSE', false],
    ['true', true],
    ['1', true],
    ['yes', true],
  ])('reads SEED=%s as %s', (value, expected) => {
    expect(parseEnv({ SEED: value }).SEED).toBe(expected)
  })

  describe('PAYLOAD_SECRET in production', () => {
    const mongo = { NODE_ENV: 'production', DATABASE_URI: 'mongodb://mongo:27017/wellpress' }

    it('is required with MongoDB, with a message saying how to make one', () => {
      const issues = issuesOf(mongo)
      expect(issues).toEqual([expect.stringMatching(/^PAYLOAD_SECRET: is required in production with MongoDB.*openssl rand -hex 32/)])
    })

    it('is accepted when given', () => {
      expect(parseEnv({ ...mongo, PAYLOAD_SECRET: SECRET }).PAYLOAD_SECRET).toBe(SECRET)
    })

    it('is not needed while `next build` runs (nothing is signed then)', () => {
      expect(() => parseEnv({ ...mongo, NEXT_PHASE: 'phase-production-build' })).not.toThrow()
    })

    it('may be generated on the embedded SQLite default, so a fresh clone starts in production mode', () => {
      expect(() => parseEnv({ NODE_ENV: 'production' })).not.toThrow()
    })
  })
})

describe('SMTP settings (lib/config/env.ts)', () => {
  it('are all optional, and empty strings mean unset', () => {
    expect(parseEnv({ SMTP_HOST: '', SMTP_PORT: '' })).toMatchObject({ SMTP_HOST: undefined, SMTP_PORT: undefined })
  })

  it('parse when complete', () => {
    expect(
      parseEnv({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: '465', SMTP_USER: 'u', SMTP_PASS: 'p', SMTP_FROM: 'site@example.com', NOTIFY_EMAIL: 'janet@example.com' }),
    ).toMatchObject({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: 465, SMTP_FROM: 'site@example.com', NOTIFY_EMAIL: 'janet@example.com' })
  })

  it('are checked together, naming what is missing', () => {
    expect(issuesOf({ SMTP_HOST: 'smtp.example.com' })).toEqual([
      'SMTP_FROM: is required when SMTP_HOST is set',
      'NOTIFY_EMAIL: is required when SMTP_HOST is set',
    ])
    expect(issuesOf({ NOTIFY_EMAIL: 'janet@example.com' })).toEqual([
      'NOTIFY_EMAIL: has no effect without SMTP_HOST: set SMTP_HOST too, or remove it',
    ])
    expect(issuesOf({ SMTP_HOST: 'h', SMTP_FROM: 'a@b.example', NOTIFY_EMAIL: 'c@d.example', SMTP_USER: 'u' })).toEqual([
      'SMTP_PASS: is required when SMTP_USER is set',
    ])
    expect(issuesOf({ SMTP_HOST: 'h', SMTP_FROM: 'not-an-address', NOTIFY_EMAIL: 'c@d.example', SMTP_PORT: '99999' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SMTP_PORT: /), expect.stringMatching(/^SMTP_FROM: expected an e-mail address/)]),
    )
  })
})
