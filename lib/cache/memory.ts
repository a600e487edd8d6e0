/**
 * The bound on the in-memory cache of whole pages and the reads beneath them (next.config.ts
 * `cacheMaxMemorySize`, which Next hands to lib/cache/handler.js for its store, lib/cache/store.js):
 * past it the least recently read entries are dropped and render again on their next request (a
 * fifth of a second). A page with its data is about 100 KB, so this holds about a thousand pages,
 * more than a practice's site has, while keeping a 1 GB server out of trouble (bench/load.ts
 * measures the server's resident memory).
 */
export const CACHE_MAX_MEMORY_BYTES = 96 * 1024 * 1024

/**
 * The bound on the UTF-8 bytes of recently sent pages (lib/runtime/responsePatches.ts
 * `sendLargeTextAsBytes`), string and bytes counted: a 70 KB page weighs about 210 KB here, so
 * about forty of the most read pages are sent without encoding them again.
 */
export const ENCODED_PAGES_MAX_BYTES = 8 * 1024 * 1024
