// @ts-check
/**
 * Next's page and data cache in Redis, for several app instances (REDIS_URL; lib/cache/handler.js
 * uses it in place of the in-memory store, lib/cache/store.js). Every instance reads and writes
 * the same entries and the same record of tag purges, so a change made through any instance is
 * live on all of them on their next request.
 *
 * It keeps the corrections of lib/cache/handler.js, across instances:
 * - One clock. Instances on different machines (or one whose clock was stepped) disagree about the
 *   time, so shared stamps (entries' start of render, purges) are on Redis's clock: each instance
 *   measures the offset between its own monotonic cache clock and Redis's TIME, writes
 *   `local + offset` and reads back `shared − offset`. Next itself only ever sees local times.
 * - Entries are stamped with the start of their render (the caller passes that stamp).
 * - Purges are recorded by tag, with their time, not by deleting entries: a render that began
 *   before a purge and stored its result after it is still expired by it, whichever instance
 *   purged and whichever rendered.
 * The purges of an entry's tags are copied into this process's record (lib/cache/tag-purges.js) on
 * each read, so the handler's stale and expired checks, which read that record, agree with Redis.
 *
 * Entries are keyed by build (BUILD_ID): a page rendered by one release refers to that release's
 * scripts and is never served by another. They expire with their page's `expire` (a day here), or
 * after a week for data, and Redis may evict any of them under memory pressure (allkeys-lru): a
 * missing entry only means one more render.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'

import { redis, redisBinary } from '../storage/redis.js'
import { cacheClock } from './fills.js'
import { tagPurges } from './tag-purges.js'

export const KEY_PREFIX = 'wellpress:cache:'
export const STALE_TAGS_KEY = 'wellpress:tags:stale'
export const EXPIRED_TAGS_KEY = 'wellpress:tags:expired'
const DATA_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** Re-measured this often: the offset moves only as far as two clocks drift apart. */
const OFFSET_REFRESH_MS = 60_000

/** @typedef {{ lastModified: number; value: any; cacheControl?: { revalidate?: number | false; expire?: number } }} Entry */

/** The build's id, from the folder Next serves (`<distDir>/BUILD_ID`). @param {string} serverDistDir */
export function buildIdOf(serverDistDir) {
  try {
    return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'unbuilt'
  }
}

/**
 * The offset from this process's cache clock to Redis's clock, measured as the middle of one TIME
 * round trip (exact to half of it: well under a millisecond on one network).
 */
class SharedClock {
  /** @type {Promise<number> | undefined} */
  measuring
  measuredAt = -Infinity

  /** @returns {Promise<number>} */
  offset() {
    const due = cacheClock() - this.measuredAt > OFFSET_REFRESH_MS
    if (!this.measuring || due) {
      const previous = this.measuring
      const next = this.measure()
      // A failed re-measurement keeps the previous offset; a failed first one is retried next time.
      this.measuring = previous ? next.catch(() => previous) : next.catch((error) => {
        this.measuring = undefined
        throw error
      })
      this.measuredAt = cacheClock()
    }
    return this.measuring
  }

  async measure() {
    const before = cacheClock()
    const [seconds, microseconds] = /** @type {[string, string]} */ (/** @type {unknown} */ (await redis().time()))
    const after = cacheClock()
    return Number(seconds) * 1000 + Number(microseconds) / 1000 - (before + after) / 2
  }
}

export class SharedCache {
  /** @param {string} buildId */
  constructor(buildId) {
    this.prefix = `${KEY_PREFIX}${buildId}:`
    this.clock = new SharedClock()
  }

  /**
   * The entry under `key` with its stamp in local time, the purges of `tags(entry)` copied into
   * this process's record first, so the handler judges it against every instance's purges
   * (lib/cache/handler.js `purgedByTag`); null when missing.
   * @param {string} key @param {(entry: Entry) => string[]} tagsOf
   * @returns {Promise<Entry | null>}
   */
  async get(key, tagsOf) {
    const [offset, raw] = await Promise.all([this.clock.offset(), redisBinary().get(this.prefix + key)])
    if (!raw) return null
    /** @type {Entry} */
    const entry = deserialize(/** @type {Buffer} */ (/** @type {unknown} */ (raw)))
    entry.lastModified -= offset
    await this.syncTags(tagsOf(entry), offset)
    return entry
  }

  /**
   * Stores `value`, stamped `localStamp` (the start of its render, lib/cache/fills.js).
   * @param {string} key @param {any} value @param {Entry['cacheControl']} cacheControl @param {number} localStamp
   */
  async set(key, value, cacheControl, localStamp) {
    if (value === null || value === undefined) {
      await redis().del(this.prefix + key)
      return
    }
    const offset = await this.clock.offset()
    const entry = serialize({ value, cacheControl, lastModified: localStamp + offset })
    const ttl = typeof cacheControl?.expire === 'number' ? cacheControl.expire * 1000 : DATA_TTL_MS
    await redisBinary().set(this.prefix + key, entry, { PX: Math.max(1000, Math.round(ttl)) })
  }

  /**
   * Records purges for every instance: `stale` and `expired` times (local), as handler.js computed
   * them for this process's record.
   * @param {string[]} tags @param {{ stale?: number; expired?: number }} marks
   */
  async purge(tags, marks) {
    const offset = await this.clock.offset()
    const multi = redis().multi()
    for (const tag of tags) {
      if (marks.stale !== undefined) multi.hSet(STALE_TAGS_KEY, tag, String(marks.stale + offset))
      if (marks.expired !== undefined) multi.hSet(EXPIRED_TAGS_KEY, tag, String(marks.expired + offset))
    }
    await multi.exec()
  }

  /**
   * Copies the shared purges of `tags` into this process's record (lib/cache/tag-purges.js), in
   * local time. A later local mark (a purge made here that did not reach Redis) is kept.
   * @param {string[]} tags @param {number} offset
   */
  async syncTags(tags, offset) {
    if (tags.length === 0) return
    const [stale, expired] = await Promise.all([redis().hmGet(STALE_TAGS_KEY, tags), redis().hmGet(EXPIRED_TAGS_KEY, tags)])
    const record = tagPurges()
    tags.forEach((tag, index) => {
      const sharedStale = stale[index] == null ? undefined : Number(stale[index]) - offset
      const sharedExpired = expired[index] == null ? undefined : Number(expired[index]) - offset
      if (sharedStale === undefined && sharedExpired === undefined) return
      const local = record.get(tag) ?? {}
      record.set(tag, { ...local, stale: later(local.stale, sharedStale), expired: later(local.expired, sharedExpired) })
    })
  }
}

/** @param {number | undefined} a @param {number | undefined} b */
function later(a, b) {
  if (a === undefined) return b
  if (b === undefined) return a
  return Math.max(a, b)
}

