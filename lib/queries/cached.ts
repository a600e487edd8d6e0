import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import { recordMiss } from '../cache/stats'
import { classifyDatabaseError } from '../runtime/db-errors'
import { markDatabaseUp, noteDatabaseFailure } from '../runtime/health'

type QueryArg = string | number

/**
 * A public read served from Next's data cache under the given tags (lib/cache/tags.ts), until a
 * collection hook purges one of them. React `cache` on top shares one result per render (a page
 * and its metadata ask for the same article). `name` keys the cache entry with the arguments: it
 * must be unique per query.
 *
 * Outside the Next server (integration tests, scripts) there is no Next cache: the read runs as is.
 * In draft mode Next bypasses the cache by itself.
 */
export function cachedQuery<Args extends QueryArg[], Result>(
  name: string,
  tagsFor: (...args: NoInfer<Args>) => readonly string[],
  load: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  const loadAndCount = async (...args: Args): Promise<Result> => {
    recordMiss(name, args)
    return loadNotingOutages(load, args)
  }
  return cache(async (...args: Args): Promise<Result> => {
    if (!process.env.NEXT_RUNTIME) return load(...args)
    return unstable_cache(loadAndCount, [name], { tags: [...tagsFor(...args)] })(...args)
  })
}

/**
 * Only cache misses reach the database, so they are where an outage shows: a connection error
 * becomes a DatabaseUnavailableError (lib/runtime/db-errors.ts: 503 rather than 500, see lib/runtime/responsePatches.ts)
 * and marks the outage for /health and proxy.ts; the next read that succeeds ends it. A failed
 * read is never cached, so the page is retried on the next request.
 */
async function loadNotingOutages<Args extends QueryArg[], Result>(load: (...args: Args) => Promise<Result>, args: Args) {
  try {
    const result = await load(...args)
    markDatabaseUp()
    return result
  } catch (error) {
    noteDatabaseFailure(error)
    throw classifyDatabaseError(error)
  }
}
