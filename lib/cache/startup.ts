/**
 * Every public page is cached whole and purged by tag when content changes (lib/cache/tags.ts).
 * Purges are remembered in memory only, and `next build` prerenders the param-less pages (home,
 * /blog, feeds...) from whatever database the build could see: an empty file in a Docker build,
 * last week's copy on a laptop. Served as they are, those would show old content until the next
 * change purged them, and so would anything cached before a restart if the database changed while
 * the server was down (a restored backup, the seed script).
 *
 * So at start-up the server expires everything cached before it: each page renders once, on its
 * first request, from the live database, and is served from memory after that (the site's cache
 * handler keeps nothing on disk, and never reads the build's prerendered files: lib/cache/store.js).
 * The handler (lib/cache/handler.js) reports any entry stored before this moment as missing; no
 * Next internals are touched.
 */
import { cacheClock, serveNothingStoredBefore } from './fills.js'

/** `now` on the clock the cache stamps and judges by (lib/cache/fills.js). */
export async function expireWhatWasCachedBeforeStart(now = cacheClock()): Promise<void> {
  serveNothingStoredBefore(now)
}
