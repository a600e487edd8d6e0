// @ts-check
/**
 * This process's record of tag purges: for each purged tag, from when entries carrying it count
 * as stale and as expired, on the cache clock (lib/cache/fills.js). lib/cache/handler.js writes it
 * (`revalidateTag`) and judges every entry it reads against it; with REDIS_URL, lib/cache/shared.js
 * copies the purges other instances recorded in Redis into it.
 *
 * Next keeps a record like this of its own, which its IncrementalCache also consults, but only its
 * own cache handler writes to it: with this one, Next's stays empty, and the handler alone decides
 * what is expired or stale.
 *
 * On globalThis, like lib/cache/fills.js: Next loads handler.js outside its bundles and also
 * compiles a copy into the proxy's bundle, and a purge made through either must reach both.
 */
import { cacheClock } from './fills.js'

/** @typedef {{ stale?: number; expired?: number }} TagPurge */

const RECORD = Symbol.for('wellpress.cache-tag-purges')

/** @returns {Map<string, TagPurge>} */
export function tagPurges() {
  const global = /** @type {{ [RECORD]?: Map<string, TagPurge> }} */ (globalThis)
  return (global[RECORD] ??= new Map())
}

/**
 * Records a purge of each of `tags`: the marks given replace that tag's earlier ones, those not
 * given are kept (as Next's own record does).
 * @param {readonly string[]} tags @param {TagPurge} marks
 */
export function markPurged(tags, marks) {
  const record = tagPurges()
  for (const tag of tags) record.set(tag, { ...(record.get(tag) ?? {}), ...marks })
}

/**
 * Whether a purge of one of `tags` has expired an entry stamped `lastModified`: it expired by
 * `now` and after the entry's stamp (the rule of Next's own `areTagsExpired`). A purge with a
 * future expiry counts once that time has come.
 * @param {readonly string[]} tags @param {number} lastModified @param {number} [now]
 */
export function areTagsExpired(tags, lastModified, now = cacheClock()) {
  const record = tagPurges()
  return tags.some((tag) => {
    const expired = record.get(tag)?.expired
    return typeof expired === 'number' && expired <= now && expired > lastModified
  })
}

/**
 * Whether one of `tags` was marked stale after an entry stamped `lastModified` was stored.
 * @param {readonly string[]} tags @param {number} lastModified
 */
export function areTagsStale(tags, lastModified) {
  const record = tagPurges()
  return tags.some((tag) => (record.get(tag)?.stale ?? 0) > lastModified)
}
