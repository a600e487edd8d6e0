// @ts-check
/**
 * Next's cache of whole pages and of the reads beneath them (next.config.ts `cacheHandler`): the
 * site's own, in memory (lib/cache/store.js, an LRU bounded by `cacheMaxMemorySize`) with its own
 * record of tag purges (lib/cache/tag-purges.js), and four corrections to what Next's built-in
 * handler does, which keep "publish → live on the next request" true on a busy server
 * (lib/cache/tags.ts):
 *
 * 1. One clock. Next 16.4's built-in handler stamps cache entries and tag purges with Date.now()
 *    but judges them against performance.timeOrigin + performance.now() (its `areTagsExpired`,
 *    and IncrementalCache's revalidate and expire times). Those drift apart once the wall clock is
 *    stepped (time synchronisation does that on a fresh machine): with Date.now() ahead, a purge
 *    counted as "not yet expired, only stale" for that long, so the first request after a publish
 *    still got the cached 404 while a re-render ran in the background. Every stamp here, entry or
 *    purge, is on the clock Next judges by, which is also monotonic (cacheClock, lib/cache/fills.js).
 * 2. An entry is stamped with the time its render (or database read) began, not the time it was
 *    stored (lib/cache/fills.js). A render that read the article just before an edit and finished
 *    just after the edit's purge was stored as newer than the purge, and served the old version as
 *    fresh until the next change. Stamped with its start, the purge expires it like any older
 *    entry. (Requests that arrive while such a render runs share its result: lib/cache/purge.ts
 *    answers the edit only once those renders are done.)
 * 3. A page that answered an error (a 404) is never served stale. Next re-renders a stale page in
 *    the background with the response of the request that found it stale, after setting that
 *    response's status to the stale 404: the fresh render then reads that 404 and writes
 *    `<meta name="robots" content="noindex">` into the new article's page (app-render.js
 *    `NonIndex`, which reads `ctx.res.statusCode`), cached and served to crawlers. A stale 404
 *    therefore renders in the foreground instead, with a clean response.
 * 4. Nothing stored before the server started is served (lib/cache/startup.ts says why): such an
 *    entry is reported missing, and renders afresh.
 *
 * Purges are judged here alone: Next's IncrementalCache checks tags against a record that only its
 * built-in handler writes, so it never sees these. An entry a purge has expired is reported
 * missing, as the built-in handler does, and so is one whose tag is only marked stale (see `get`).
 *
 * With REDIS_URL the entries and the purges live in Redis instead (lib/cache/shared.js), shared by
 * every app instance, with the same corrections; the in-memory store then holds nothing.
 *
 * Plain JavaScript: Next loads this module with import() at run time, outside its bundles.
 */
import { redactedUrl, redisUrl } from '../storage/redis.js'
import { cacheClock, fillStamp, fillStarted, servedFrom } from './fills.js'
import { buildIdOf, SharedCache } from './shared.js'
import { memoryStore } from './store.js'
import { areTagsExpired, areTagsStale, markPurged } from './tag-purges.js'

/** @typedef {{ lastModified?: number; value: any; cacheControl?: { revalidate?: number | false; expire?: number } }} Entry */
/** @typedef {{ kind?: string; tags?: string[]; softTags?: string[]; revalidate?: number | false }} GetContext */

/** @param {Entry} entry */
function tagsOf(entry, /** @type {GetContext} */ ctx) {
  if (entry.value?.kind === 'FETCH') return [...(ctx.tags ?? []), ...(ctx.softTags ?? [])]
  const header = entry.value?.headers?.['x-next-cache-tags']
  return typeof header === 'string' ? header.split(',') : []
}

/**
 * Whether Next will render (or read) this entry anew after serving it: past its revalidate time
 * or its expire time. (Purges are judged before, and only, in `purgedByTag`: an entry one of its
 * tags' purges reached, stale or expired, is reported missing and never gets here.)
 * @param {Entry} entry @param {GetContext} ctx @param {number} now
 */
export function goesStale(entry, ctx, now) {
  const lastModified = entry.lastModified ?? now
  // `||` as Next's incremental cache reads it (a 0 there means "not given").
  const revalidate = entry.value?.kind === 'FETCH' ? ctx.revalidate || entry.value.revalidate : entry.cacheControl?.revalidate
  const expire = entry.value?.kind === 'FETCH' ? undefined : entry.cacheControl?.expire
  if (typeof expire === 'number' && lastModified + expire * 1000 < now) return true
  return typeof revalidate === 'number' && lastModified + revalidate * 1000 < now
}

/**
 * Whether a purge of one of the entry's tags reached it after it was stored (lib/cache/tag-purges.js).
 * Expired by the purge: reported missing, as Next's built-in handler does. Only marked stale, not
 * yet expired (a purge with a future `expire`, which this site never issues: lib/cache/purge.ts
 * purges with `expire: 0`): Next would serve it once more while it renders again in the
 * background, but it learns that a tag went stale only from its own record, which never hears of
 * these purges, and would serve the entry as fresh until its revalidate time. So it is reported
 * missing too, and renders in the foreground.
 * @param {Entry} entry @param {GetContext} ctx @param {number} now
 */
export function purgedByTag(entry, ctx, now) {
  const tags = tagsOf(entry, ctx)
  const lastModified = entry.lastModified ?? now
  return areTagsExpired(tags, lastModified, now) || areTagsStale(tags, lastModified)
}

/** @param {Entry} entry */
export function isErrorPage(entry) {
  return entry.value?.kind === 'APP_PAGE' && typeof entry.value.status === 'number' && entry.value.status >= 400
}

/** Logs a failed Redis call at most once a minute; the request goes on without the shared cache. */
let lastReported = 0
/** @param {string} what @param {unknown} error */
function reportSharedFailure(what, error) {
  if (Date.now() - lastReported < 60_000) return
  lastReported = Date.now()
  const message = error instanceof Error ? error.message : String(error)
  console.error(`[cache] ${what} failed on the shared cache (${redactedUrl(redisUrl() ?? '')}): ${message}`)
}

export default class WellpressCacheHandler {
  /**
   * @param {{ serverDistDir: string; maxMemoryCacheSize?: number; dev?: boolean; fs?: unknown; flushToDisk?: boolean }} ctx
   *   as Next passes it (`fs` and `flushToDisk` go unused: nothing is read from or written to disk)
   */
  constructor(ctx) {
    // `next build` prerenders into its own memory: a build needs no Redis, and writes nothing there.
    const building = process.env.NEXT_PHASE === 'phase-production-build'
    /** @type {SharedCache | undefined} */
    this.shared = redisUrl() && !building && !ctx.dev ? new SharedCache(buildIdOf(ctx.serverDistDir)) : undefined
    // No bound means no memory cache, as with Next's own (`cacheMaxMemorySize: 0`).
    this.memory = this.shared ? undefined : memoryStore(ctx.maxMemoryCacheSize ?? 0)
  }

  /** @param {string} key @param {GetContext} ctx @returns {Promise<Entry | null>} */
  async read(key, ctx) {
    if (!this.shared) return this.memory?.get(key) ?? null
    try {
      return await this.shared.get(key, (entry) => tagsOf(entry, ctx))
    } catch (error) {
      // Redis away: render from the database (a miss), as an instance without a cache would.
      reportSharedFailure('a read', error)
      return null
    }
  }

  /** @param {string} key @param {GetContext} ctx */
  async get(key, ctx) {
    const now = cacheClock()
    const entry = await this.read(key, ctx)
    // Reported missing: what a purge reached since it was stored, and in memory anything from
    // before this start (lib/cache/startup.ts). The shared cache holds only what instances
    // rendered from the live database, stamped on Redis's clock: kept.
    if (!entry || (!this.shared && (entry.lastModified ?? now) < servedFrom()) || purgedByTag(entry, ctx, now)) {
      fillStarted(key, now)
      return null
    }
    if (goesStale(entry, ctx, now)) {
      fillStarted(key, now)
      if (isErrorPage(entry)) return null
    }
    return entry
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    const stamp = fillStamp(key, cacheClock())
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl
    if (!this.shared) {
      this.memory?.set(key, { value: data, lastModified: stamp, cacheControl })
      return
    }
    try {
      await this.shared.set(key, data, cacheControl, stamp)
    } catch (error) {
      reportSharedFailure('a write', error)
    }
  }

  /**
   * Records a purge of `tags` on the cache clock, with the marks Next's built-in handler sets:
   * without durations, expired now; with them, stale now and expired `durations.expire` seconds
   * from now (0, lib/cache/purge.ts: the next request renders afresh).
   * @param {string | string[]} tags @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    const now = cacheClock()
    const list = typeof tags === 'string' ? [tags] : tags
    /** @type {{ stale?: number; expired?: number }} */
    const marks = !durations ? { expired: now } : { stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) }
    markPurged(list, marks)
    if (!this.shared || list.length === 0) return
    try {
      await this.shared.purge(list, marks)
    } catch (error) {
      // Applied here; the other instances keep the old version until the next change reaches them.
      console.error(`[cache] a purge of ${list.join(', ')} did not reach the other instances: ${error instanceof Error ? error.message : error}`)
    }
  }

  /** Nothing is kept per request. */
  resetRequestCache() {}
}
