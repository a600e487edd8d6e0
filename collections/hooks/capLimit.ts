import type { CollectionBeforeOperationHook, CollectionConfig, Plugin } from 'payload'

import { isAdmin } from '../access'

/** The most documents one REST or GraphQL page may hold for anyone but an admin. */
export const MAX_API_LIMIT = 100

/** Operations that take `limit`/`pagination`: lists, version lists and distinct values. */
const LISTING = new Set(['read', 'readDistinct'])

/** A page size between 1 and MAX_API_LIMIT; missing stays missing (Payload's default of 10). */
export function cappedLimit(limit: unknown): number | undefined {
  if (limit === undefined || limit === null) return undefined
  const value = Math.floor(Number(limit))
  // 0 (and `pagination=false`) mean "everything" to Payload: that is exactly what is capped.
  if (!Number.isFinite(value) || value === 0) return MAX_API_LIMIT
  return Math.min(Math.max(value, 1), MAX_API_LIMIT)
}

/**
 * Payload has no global maximum page size: `?limit=100000`, `?limit=0` or `?pagination=false`
 * return a whole collection in one response. Requests from outside (REST, GraphQL) by visitors
 * and editors get at most MAX_API_LIMIT documents a page. The site's own Local API reads (the
 * sitemap, feeds) and admins are trusted with more.
 */
export const capLimit: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!LISTING.has(operation) || req.payloadAPI === 'local' || isAdmin(req.user)) return args
  const listArgs = args as { limit?: unknown; pagination?: boolean }
  if (listArgs.limit === undefined && listArgs.pagination !== false) return args
  return { ...args, limit: cappedLimit(listArgs.limit ?? 0), pagination: true }
}

/** Adds capLimit to every collection, including those other plugins added before it runs. */
export const capApiLimits: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map(
    (collection): CollectionConfig => ({
      ...collection,
      hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), capLimit] },
    }),
  ),
})
