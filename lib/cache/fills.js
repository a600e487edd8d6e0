// @ts-check
/**
 * Renders of cached pages and reads of cached data in progress ("fills"), by cache key, with when
 * each began: lib/cache/handler.js records them (a fill begins when the cache reports an entry
 * missing or due for renewal, and ends when the result is stored), stamps each stored entry with
 * its fill's start, and lib/cache/purge.ts waits for the fills that began before a change.
 *
 * Plain JavaScript with no imports: Next loads handler.js outside its bundles, and also compiles
 * a copy into the proxy's bundle, while purge.ts is bundled with the app. They meet in one
 * process-wide registry on globalThis.
 */

/** The clock Next compares cache stamps against; monotonic, so it never steps. */
export function cacheClock() {
  return performance.timeOrigin + performance.now()
}

/** Next gives up on a render after 60 s (staticPageGenerationTimeout): older starts are forgotten. */
export const LONGEST_FILL_MS = 60_000

const REGISTRY = Symbol.for('wellpress.cache-fills')

/** @returns {Map<string, number[]>} */
function fills() {
  const global = /** @type {{ [REGISTRY]?: Map<string, number[]> }} */ (globalThis)
  return (global[REGISTRY] ??= new Map())
}

/** @param {string} key @param {number} now */
function current(key, now) {
  return (fills().get(key) ?? []).filter((start) => now - start < LONGEST_FILL_MS)
}

/** Past this many keys, those whose fills all began too long ago (renders that failed) are dropped. */
const KEYS_BEFORE_CLEANUP = 1000

/** @param {string} key @param {number} now */
export function fillStarted(key, now) {
  const registry = fills()
  if (registry.size >= KEYS_BEFORE_CLEANUP) {
    for (const [other, starts] of registry) if (starts.every((start) => now - start >= LONGEST_FILL_MS)) registry.delete(other)
  }
  registry.set(key, [...current(key, now), now])
}

/**
 * Ends one fill of `key` and returns the stamp for what it stores: the earliest start among the
 * fills in progress for that key (never later than this fill's own start, whichever of them this
 * is). Removing the latest start keeps every later stamp at or before its own fill's start.
 * @param {string} key @param {number} now
 */
export function fillStamp(key, now) {
  const starts = current(key, now)
  if (starts.length === 0) {
    fills().delete(key)
    return now
  }
  const earliest = Math.min(...starts)
  starts.splice(starts.indexOf(Math.max(...starts)), 1)
  if (starts.length === 0) fills().delete(key)
  else fills().set(key, starts)
  return earliest
}

/** Whether any fill that began before `time` is still in progress. @param {number} time */
export function fillsBeganBefore(time) {
  const now = cacheClock()
  for (const starts of fills().values()) if (starts.some((start) => start < time && now - start < LONGEST_FILL_MS)) return true
  return false
}

const SERVED_FROM = Symbol.for('wellpress.cache-served-from')

/**
 * From now on the cache serves nothing stored before `time` (lib/cache/startup.ts: the build's
 * prerenders, anything cached before a restart). @param {number} time
 */
export function serveNothingStoredBefore(time) {
  const global = /** @type {{ [SERVED_FROM]?: number }} */ (globalThis)
  global[SERVED_FROM] = time
}

/** The moment set by serveNothingStoredBefore; 0 (everything) until then. */
export function servedFrom() {
  return /** @type {{ [SERVED_FROM]?: number }} */ (globalThis)[SERVED_FROM] ?? 0
}
