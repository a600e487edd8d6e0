import { usesRedis } from '../storage/redis.js'
import { RedisHitStore } from './redisStore'

/**
 * Where the counters behind every per-client limit live (failed logins, password-reset mails, the
 * contact form): one small interface, so a store shared by several app instances can replace the
 * in-memory one without touching the limits themselves. Each key holds the times of its recent
 * hits, a sliding-window log: Redis keeps one as a sorted set (ZADD, ZREMRANGEBYSCORE, PEXPIRE).
 * Asynchronous for that reason, although the in-memory store answers at once.
 */
export interface HitStore {
  /** The times (ms) of `key`'s hits after `since`, oldest first. */
  hits(key: string, since: number): Promise<number[]>
  /** Logs a hit for `key` at `at`, keeping only its newest `keep` and forgetting it `ttlMs` after. */
  add(key: string, at: number, keep: number, ttlMs: number): Promise<void>
  /** Forgets `key`. */
  clear(key: string): Promise<void>
}

/**
 * In this process's memory: a restart forgets, and each app instance counts on its own. Memory is
 * bounded: at most `maxKeys` keys (each at most `keep` times); past that, expired keys go first,
 * then the least recently written.
 */
export class MemoryHitStore implements HitStore {
  private readonly entries = new Map<string, { times: number[]; expires: number }>()

  constructor(
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async hits(key: string, since: number): Promise<number[]> {
    const entry = this.entries.get(key)
    if (!entry) return []
    if (entry.expires <= this.now()) {
      this.entries.delete(key)
      return []
    }
    return entry.times.filter((time) => time > since)
  }

  async add(key: string, at: number, keep: number, ttlMs: number): Promise<void> {
    const times = [...(this.entries.get(key)?.times ?? []), at].sort((a, b) => a - b).slice(-keep)
    this.entries.delete(key) // re-inserted last: Map order is then least recently written first
    this.entries.set(key, { times, expires: times[times.length - 1] + ttlMs })
    if (this.entries.size > this.maxKeys) this.evict()
  }

  async clear(key: string): Promise<void> {
    this.entries.delete(key)
  }

  get size(): number {
    return this.entries.size
  }

  private evict() {
    const now = this.now()
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key)
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break
      this.entries.delete(key)
    }
  }
}

/**
 * The process's one store: in Redis when REDIS_URL is set (every instance counts together,
 * lib/limits/redisStore.ts), in memory otherwise. Kept on globalThis: Next may load this module
 * once per route bundle, and the contact page, the REST API and the admin's login must count
 * against the same numbers.
 */
const GLOBAL_KEY = Symbol.for('wellpress.hitStore')

export function hitStore(): HitStore {
  const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: HitStore }
  holder[GLOBAL_KEY] ??= usesRedis() ? new RedisHitStore() : new MemoryHitStore()
  return holder[GLOBAL_KEY]
}
