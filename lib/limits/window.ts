import { hitStore, type HitStore } from './store'

/**
 * "At most `limit` in any `windowMs`" for each key (a client address, an e-mail address…), counted
 * in the shared HitStore under this limit's own name. Checking and counting are separate steps:
 * callers count only what the limit is about (a failed login, a message accepted), so a client
 * that keeps knocking while refused is not kept out for ever.
 */
export class SlidingWindow {
  constructor(
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
    private readonly store: () => HitStore = hitStore,
  ) {}

  private key(key: string) {
    return `${this.name}:${key}`
  }

  /**
   * Seconds until `key` may be counted again: 0 while it is under the limit. Hits before
   * `notBefore` (an admin's unlock, say) no longer count.
   */
  async retryAfterSeconds(key: string, now = Date.now(), notBefore = 0): Promise<number> {
    const recent = await this.store().hits(this.key(key), Math.max(now - this.windowMs, notBefore - 1))
    if (recent.length < this.limit) return 0
    // The oldest hit that keeps the key at its limit leaves the window first.
    const oldest = recent[recent.length - this.limit]
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000))
  }

  /** When `key` was last counted within the window, if it was. */
  async latest(key: string, now = Date.now()): Promise<number | undefined> {
    return (await this.store().hits(this.key(key), now - this.windowMs)).at(-1)
  }

  /** Counts one hit for `key` at `now`. */
  async record(key: string, now = Date.now()): Promise<void> {
    await this.store().add(this.key(key), now, this.limit, this.windowMs)
  }

  /** Forgets `key`'s hits (a correct password ends a run of wrong ones). */
  async clear(key: string): Promise<void> {
    await this.store().clear(this.key(key))
  }
}
