/**
 * How often the contact form accepts a message: at most 5 per client per 10 minutes, and at most
 * 50 from everyone together (a backstop for a client that keeps changing its address, see
 * `clientAddress`). In memory, per server process: a restart forgets, and with several app
 * instances each counts its own. Only submissions that pass validation count; a visitor fixing a
 * typo is not punished for it.
 */

export const INQUIRY_WINDOW_MS = 10 * 60 * 1000
export const INQUIRIES_PER_CLIENT = 5
export const INQUIRIES_PER_SITE = 50

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/**
 * A sliding-window log: the times of each key's recent hits, at most `limit` of them, so memory is
 * bounded by `limit × maxKeys`. Past `maxKeys`, keys whose window has passed go first, then the
 * least recently used.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds until `key` may be hit again; 0 when it may be now. Records nothing. */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    if (recent.length < this.limit) return 0
    // The oldest hit in the window leaves it first, freeing one place.
    return Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000))
  }

  /** Counts one hit for `key` at `now`. */
  record(key: string, now = Date.now()) {
    const recent = [...this.recent(key, now), now].slice(-this.limit)
    this.hits.delete(key) // re-inserted last: Map order is then least recently used first
    this.hits.set(key, recent)
    if (this.hits.size > this.maxKeys) this.evict(now)
  }

  /** Checks and, when allowed, records: the one call most callers need. */
  hit(key: string, now = Date.now()): RateLimitDecision {
    const retryAfterSeconds = this.retryAfterSeconds(key, now)
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds }
    this.record(key, now)
    return { allowed: true }
  }

  get size() {
    return this.hits.size
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((time) => time > now - this.windowMs)
  }

  private evict(now: number) {
    for (const [key, times] of this.hits) {
      if (times.every((time) => time <= now - this.windowMs)) this.hits.delete(key)
    }
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break
      this.hits.delete(key)
    }
  }
}

/** One client's limit and the site-wide one, checked together, counted only when both allow. */
export class InquiryRateLimiter {
  readonly perClient: SlidingWindowLimiter
  readonly perSite: SlidingWindowLimiter

  constructor({ perClient = INQUIRIES_PER_CLIENT, perSite = INQUIRIES_PER_SITE, windowMs = INQUIRY_WINDOW_MS } = {}) {
    this.perClient = new SlidingWindowLimiter(perClient, windowMs)
    this.perSite = new SlidingWindowLimiter(perSite, windowMs, 1)
  }

  hit(client: string, now = Date.now()): RateLimitDecision {
    const retryAfterSeconds = Math.max(
      this.perClient.retryAfterSeconds(client, now),
      this.perSite.retryAfterSeconds('site', now),
    )
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds }
    this.perClient.record(client, now)
    this.perSite.record('site', now)
    return { allowed: true }
  }
}

/**
 * The process's one limiter. Kept on globalThis: Next may load this module once per route bundle,
 * and the contact page and the REST API must count against the same numbers.
 */
const GLOBAL_KEY = Symbol.for('wellpress.inquiryRateLimiter')
export function inquiryRateLimiter(): InquiryRateLimiter {
  const store = globalThis as typeof globalThis & { [GLOBAL_KEY]?: InquiryRateLimiter }
  store[GLOBAL_KEY] ??= new InquiryRateLimiter()
  return store[GLOBAL_KEY]
}

/**
 * Who is asking, as far as the server can tell: the last address in X-Forwarded-For. Next's
 * server itself writes the connection's address there when the request has no such header, and a
 * reverse proxy in front (nginx `proxy_add_x_forwarded_for`, Caddy, Traefik) appends the address
 * it received the request from, so the last entry is the one no client chose. Earlier entries are
 * whatever the client claimed, and are ignored.
 *
 * Next offers its handlers no other view of the connection: when the app is reached directly (no
 * proxy), a client that sends its own X-Forwarded-For is believed. The site-wide limit bounds
 * what that can buy. Deploy behind a proxy that sets or appends the header.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return forwarded.at(-1) ?? 'unknown'
}
