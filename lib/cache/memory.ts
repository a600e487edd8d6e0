/**
 * The bound on the in-memory cache of whole pages and the reads beneath them (next.config.ts
 * `cacheMaxMemorySize`, which Next hands to lib/cache/handler.js for its store, lib/cache/store.js):
 * past it the least recently read entries are dropped and render again on their next request (a
 * fifth of a second). A page with its data is about 100 KB, so this holds about five hundred
 * pages, more than a practice's site has. It lives inside the server's heap limit
 * (scripts/start.sh) beside the site's own 120-odd MiB of live objects: with 2,000 articles read
 * through, a bound of twice this took the heap to 245 MiB, this one to 211, which leaves the limit
 * room for a 50,000-URL sitemap and the admin on top of a full cache (bench/scale.ts runs that
 * work under the limit).
 */
export const CACHE_MAX_MEMORY_BYTES = 48 * 1024 * 1024

/**
 * The bound on the UTF-8 bytes of recently sent pages (lib/runtime/responsePatches.ts
 * `sendLargeTextAsBytes`), string and bytes counted: a 70 KB page weighs about 210 KB here, so
 * about forty of the most read pages are sent without encoding them again.
 */
export const ENCODED_PAGES_MAX_BYTES = 8 * 1024 * 1024
