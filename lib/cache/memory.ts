/**
 * The bound on the in-memory cache of whole pages and the reads beneath them (next.config.ts
 * `cacheMaxMemorySize`, which Next hands to lib/cache/handler.js for its store, lib/cache/store.js):
 * past it the least recently read entries are dropped and render again on their next request (a
 * fifth of a second). A page with its data is about 100 KB, so this holds about a thousand pages,
 * more than a practice's site has, while keeping a 1 GB server out of trouble (bench/load.ts
 * measures the server's resident memory).
 */
export const CACHE_MAX_MEMORY_BYTES = 96 * 1024 * 1024
