import { randomBytes } from 'node:crypto'

import { redis } from '../storage/redis.js'
import type { HitStore } from './store'

/**
 * The counters in Redis (REDIS_URL), shared by every app instance: a limit of 5 means 5 however
 * many instances the requests were spread over. Each key is a sorted set of hit times (score and,
 * with a random suffix, member), trimmed to the newest `keep` and expiring `ttlMs` after its
 * latest hit, in one MULTI.
 */
export const HIT_KEY_PREFIX = 'wellpress:hits:'

export class RedisHitStore implements HitStore {
  constructor(private readonly prefix = HIT_KEY_PREFIX) {}

  async hits(key: string, since: number): Promise<number[]> {
    const members = await redis().zRangeByScoreWithScores(this.prefix + key, `(${since}`, '+inf')
    return members.map((member) => member.score)
  }

  async add(key: string, at: number, keep: number, ttlMs: number): Promise<void> {
    const redisKey = this.prefix + key
    await redis()
      .multi()
      .zAdd(redisKey, { score: at, value: `${at}:${randomBytes(6).toString('hex')}` })
      .zRemRangeByRank(redisKey, 0, -(keep + 1))
      .pExpire(redisKey, Math.max(1, Math.round(ttlMs)))
      .exec()
  }

  async clear(key: string): Promise<void> {
    await redis().del(this.prefix + key)
  }
}
