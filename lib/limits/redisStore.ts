import { randomBytes } from 'node:crypto'

import { redis } from '../storage/redis.js'
import type { HitStore } from './store'

/**
 * The counters in Redis (REDIS_URL), shared by every app instance: a limit of 5 means 5 however
 * many instances the requests were spread over. Each key is a sorted set of hit times (score and,
 * with a random suffix, member), trimmed to the newest `keep` and expiring `ttlMs` after its
 * latest hit, in one MULTI.
 *
 * With Redis away the limits are not enforced (no hits are seen, none are kept) and that is
 * logged, once a minute: a visitor's message or the therapist's login must not fail because a
 * counter cannot be read. nginx's own per-address rates (docker-compose.yml) still stand in front.
 */
export const HIT_KEY_PREFIX = 'wellpress:hits:'

const REPORT_EVERY_MS = 60_000

export class RedisHitStore implements HitStore {
  private lastReported = 0

  constructor(private readonly prefix = HIT_KEY_PREFIX) {}

  async hits(key: string, since: number): Promise<number[]> {
    try {
      const members = await redis().zRangeByScoreWithScores(this.prefix + key, `(${since}`, '+inf')
      return members.map((member) => member.score)
    } catch (error) {
      this.report(error)
      return []
    }
  }

  async add(key: string, at: number, keep: number, ttlMs: number): Promise<void> {
    const redisKey = this.prefix + key
    try {
      await redis()
        .multi()
        .zAdd(redisKey, { score: at, value: `${at}:${randomBytes(6).toString('hex')}` })
        .zRemRangeByRank(redisKey, 0, -(keep + 1))
        .pExpire(redisKey, Math.max(1, Math.round(ttlMs)))
        .exec()
    } catch (error) {
      this.report(error)
    }
  }

  async clear(key: string): Promise<void> {
    try {
      await redis().del(this.prefix + key)
    } catch (error) {
      this.report(error)
    }
  }

  private report(error: unknown) {
    if (Date.now() - this.lastReported < REPORT_EVERY_MS) return
    this.lastReported = Date.now()
    console.error(`[limits] Redis unreachable, limits not enforced until it is back: ${error instanceof Error ? error.message : String(error)}`)
  }
}
