import { RESET_REQUEST_TAKEN, TOO_MANY_ATTEMPTS } from '@/lib/auth/errors'
import { parseEnv } from '@/lib/config/env'
import { HONEYPOT_CAUGHT, RATE_LIMITED } from '@/lib/inquiries/errors'
import { LogThrottle, logFormat, loggingLevels, payloadLogger } from '@/lib/runtime/logging'

describe('log format', () => {
  it('writes JSON lines in production and pretty lines elsewhere, unless LOG_FORMAT says', () => {
    expect(logFormat(parseEnv({ NODE_ENV: 'production' }))).toBe('json')
    expect(logFormat(parseEnv({}))).toBe('pretty')
    expect(logFormat(parseEnv({ NODE_ENV: 'test' }))).toBe('pretty')
    expect(logFormat(parseEnv({ NODE_ENV: 'production', LOG_FORMAT: ' Pretty ' }))).toBe('pretty')
    expect(logFormat(parseEnv({ LOG_FORMAT: 'json' }))).toBe('json')
    expect(logFormat(parseEnv({ LOG_FORMAT: '' }))).toBe('pretty')
  })

  it('refuses a format it does not know, naming the choices', () => {
    expect(() => parseEnv({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: expected json or pretty/)
  })

  it('keeps Payload’s own pretty logger for pretty, and gives pino plain options for JSON', () => {
    expect(payloadLogger({ NODE_ENV: 'development' })).toBeUndefined()
    expect(payloadLogger({ NODE_ENV: 'production' })).toEqual({ options: { name: 'payload' } })
  })

  it('silences Payload’s own log of a turned-away inquiry, login or reset request (their hooks log them, throttled)', () => {
    expect(loggingLevels).toEqual({
      [RATE_LIMITED]: false,
      [HONEYPOT_CAUGHT]: false,
      [TOO_MANY_ATTEMPTS]: false,
      [RESET_REQUEST_TAKEN]: false,
      AuthenticationError: 'info',
    })
  })
})

describe('log throttle', () => {
  it('logs the first event of a kind at once, then holds the rest back for the interval', () => {
    const throttle = new LogThrottle(60_000)
    expect(throttle.take('rate-limit', 0)).toEqual({ suppressed: 0 })
    for (let at = 1; at <= 500; at++) expect(throttle.take('rate-limit', at * 100)).toBeNull()
    // Another kind has its own interval.
    expect(throttle.take('honeypot', 1_000)).toEqual({ suppressed: 0 })
  })

  it('reports how many were held back with the next line, then starts counting again', () => {
    const throttle = new LogThrottle(60_000)
    throttle.take('rate-limit', 0)
    for (let n = 0; n < 41; n++) throttle.take('rate-limit', 1_000 + n)
    expect(throttle.take('rate-limit', 59_999)).toBeNull()
    expect(throttle.take('rate-limit', 60_000)).toEqual({ suppressed: 42 })
    expect(throttle.take('rate-limit', 130_000)).toEqual({ suppressed: 0 })
  })

  it('remembers a bounded number of kinds, forgetting the oldest first', () => {
    const throttle = new LogThrottle(60_000, 3)
    for (const key of ['a', 'b', 'c', 'd']) expect(throttle.take(key, 0)).toEqual({ suppressed: 0 })
    // 'a' was forgotten, so it logs again; 'd' is still held back.
    expect(throttle.take('a', 1)).toEqual({ suppressed: 0 })
    expect(throttle.take('d', 1)).toBeNull()
  })
})
