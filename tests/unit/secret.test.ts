import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { resolvePayloadSecret } from '@/lib/config/secret'

describe('resolvePayloadSecret', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wellpress-secret-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('uses PAYLOAD_SECRET when set and writes nothing', () => {
    const file = path.join(dir, 'data', '.payload-secret')
    expect(resolvePayloadSecret({ PAYLOAD_SECRET: 'given-secret-given-secret-given-secret' }, file)).toBe(
      'given-secret-given-secret-given-secret',
    )
    expect(() => statSync(file)).toThrow(/ENOENT/)
  })

  it('generates a strong secret once, readable only by its owner, and reuses it', () => {
    const file = path.join(dir, 'data', '.payload-secret')
    const first = resolvePayloadSecret({ PAYLOAD_SECRET: undefined }, file)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    // The data/ folder it creates is closed to everyone else too.
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700)
    expect(resolvePayloadSecret({ PAYLOAD_SECRET: undefined }, file)).toBe(first)
    expect(readFileSync(file, 'utf8').trim()).toBe(first)
  })

  it('keeps a secret someone else already wrote', () => {
    const file = path.join(dir, '.payload-secret')
    writeFileSync(file, 'existing-secret-existing-secret-existing\n')
    expect(resolvePayloadSecret({ PAYLOAD_SECRET: undefined }, file)).toBe('existing-secret-existing-secret-existing')
  })
})
