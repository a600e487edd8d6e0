/**
 * Counters of what the public data cache did since this server process started: every read that
 * missed the cache (and so queried the database), by query and arguments, and every purge. Kept on
 * `globalThis` because Next bundles each route apart: one process, one set of counters. Admins can
 * read them at GET /api/cache/stats (lib/cache/endpoints.ts); the HTTP tests use them to prove an
 * unchanged page is served without a database query.
 */
/** `request`: applied by the request that made the change; `loopback`: by POST /api/cache/purge. */
export type AppliedPurge = { at: string; via: 'request' | 'loopback'; tags: string[] }

export type CacheStats = { since: string; purges: number; recentPurges: AppliedPurge[]; misses: Record<string, number> }

const RECENT_PURGES = 50

/** Enough to see what a site of a few hundred pages does; a flood of odd URLs resets the tally. */
const MAX_MISS_KEYS = 2000

const STATS = Symbol.for('wellpress.cache-stats')
type WithStats = typeof globalThis & { [STATS]?: CacheStats }

function stats(): CacheStats {
  const global = globalThis as WithStats
  global[STATS] ??= { since: new Date().toISOString(), purges: 0, recentPurges: [], misses: {} }
  return global[STATS]
}

/** The key a query's misses are counted under, e.g. `getArticleBySlug("my-post")`. */
export const missKey = (query: string, args: readonly unknown[]) => `${query}(${args.map((arg) => JSON.stringify(arg)).join(',')})`

export function recordMiss(query: string, args: readonly unknown[]) {
  const { misses } = stats()
  const key = missKey(query, args)
  if (!(key in misses) && Object.keys(misses).length >= MAX_MISS_KEYS) stats().misses = {}
  stats().misses[key] = (stats().misses[key] ?? 0) + 1
}

export function recordPurge(via: AppliedPurge['via'], tags: readonly string[]) {
  const current = stats()
  current.purges += 1
  current.recentPurges = [...current.recentPurges.slice(1 - RECENT_PURGES), { at: new Date().toISOString(), via, tags: [...tags] }]
}

export function cacheStats(): CacheStats {
  const current = stats()
  return { ...current, recentPurges: [...current.recentPurges], misses: { ...current.misses } }
}
