import type { Config } from 'payload'

import type { Env } from '../config/env'
import { RESET_REQUEST_TAKEN, TOO_MANY_ATTEMPTS } from '../auth/errors'
import { HONEYPOT_CAUGHT, RATE_LIMITED } from '../inquiries/errors'

export type LogFormat = NonNullable<Env['LOG_FORMAT']>

/** JSON lines in production unless told otherwise; Payload's coloured pretty-printer elsewhere. */
export function logFormat(env: Pick<Env, 'LOG_FORMAT' | 'NODE_ENV'>): LogFormat {
  return env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty')
}

/**
 * Payload's `logger` setting. Undefined keeps Payload's default, pino-pretty. JSON is pino's own
 * output: what `docker logs` and log collectors expect, and far cheaper per line. pino-pretty formats
 * on the main thread and queues what it has not formatted yet, so a flood of logged requests (a
 * bot at the contact form) made that queue, and the server's memory, grow for as long as it lasted.
 */
export function payloadLogger(env: Pick<Env, 'LOG_FORMAT' | 'NODE_ENV'>): Config['logger'] {
  if (logFormat(env) === 'pretty') return undefined
  return { options: { name: 'payload' } }
}

/**
 * Errors Payload would otherwise log, with their stack, on every request that meets them. A turned
 * away inquiry, login or password-reset request is an answer, not a fault: its hook logs it
 * (throttled) and nothing else should. A wrong password is one line, without a stack. Payload
 * types these keys as its own error names only, hence the cast.
 */
export const loggingLevels = {
  [RATE_LIMITED]: false,
  [HONEYPOT_CAUGHT]: false,
  [TOO_MANY_ATTEMPTS]: false,
  [RESET_REQUEST_TAKEN]: false,
  AuthenticationError: 'info',
} as unknown as Config['loggingLevels']

/**
 * At most one log line per key per interval, however often the event happens: the first one is
 * logged at once, later ones are counted and their number is reported with the next line logged.
 * For events an outsider can trigger at will (a flood of refused form posts), so that no visitor
 * decides how much the server writes.
 */
export class LogThrottle {
  private readonly last = new Map<string, { at: number; suppressed: number }>()

  constructor(
    readonly intervalMs: number,
    private readonly maxKeys = 100,
  ) {}

  /** Null when this occurrence should not be logged; otherwise how many were held back since the last line. */
  take(key: string, now = Date.now()): { suppressed: number } | null {
    const entry = this.last.get(key)
    if (entry && now - entry.at < this.intervalMs) {
      entry.suppressed++
      return null
    }
    this.last.delete(key)
    this.last.set(key, { at: now, suppressed: 0 })
    // Keys are a handful of event kinds; the cap only guards against a caller keying by visitor.
    if (this.last.size > this.maxKeys) this.last.delete(this.last.keys().next().value as string)
    return { suppressed: entry?.suppressed ?? 0 }
  }
}
