import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import { recordMiss } from '../cache/stats'

type QueryArg = string | number

/**
 * A public read served from Next's data cache under the given tags (lib/cache-tags.ts), until a
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
    return load(...args)
  }
  return cache(async (...args: Args): Promise<Result> => {
    if (!process.env.NEXT_RUNTIME) return load(...args)
    return unstable_cache(loadAndCount, [name], { tags: [...tagsFor(...args)] })(...args)
  })
}
