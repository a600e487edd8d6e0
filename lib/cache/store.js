// @ts-check
/**
 * The in-memory store behind Next's page and data cache (lib/cache/handler.js, when no REDIS_URL):
 * entries by cache key, bounded by bytes (next.config.ts `cacheMaxMemorySize`, lib/cache/memory.ts).
 * Past the bound the least recently read or written entries are dropped; they render again on
 * their next request.
 *
 * Memory only: nothing is read from or written to disk. A restart forgets every purge, so entries
 * kept across it could be older than a change they never heard of; the start-up expiry
 * (lib/cache/startup.ts) refuses anything stored before the start anyway, the build's prerendered
 * files included.
 *
 * Plain JavaScript with no imports, one store per process on globalThis: Next loads handler.js
 * with import() outside its bundles and also compiles a copy into the proxy's bundle, and both
 * copies must share what is cached.
 */

/** @typedef {{ lastModified: number; value: any; cacheControl?: { revalidate?: number | false; expire?: number } }} StoredEntry */

/** @param {{ length?: number } | null | undefined} buffer */
function bufferSize(buffer) {
  return buffer?.length || 0
}

/** @param {Map<string, { length?: number }> | undefined} segmentData */
function segmentDataSize(segmentData) {
  let size = 0
  for (const [segmentPath, buffer] of segmentData ?? []) size += segmentPath.length + bufferSize(buffer)
  return size
}

/**
 * An entry's weight against the bound, estimated as Next's own memory cache does (its key plus
 * the HTML, RSC payload and segments of a page, a route's body, a read's data as JSON). Strings
 * count by length, not UTF-8 bytes: a rough measure, like Next's.
 * @param {string} key @param {any} value
 */
export function entrySize(key, value) {
  let valueSize
  if (!value) valueSize = 25
  else if (value.kind === 'REDIRECT') valueSize = JSON.stringify(value.props).length
  // Next's own store refuses these; the image optimizer hands them to a cache handler only with
  // `images.customCacheHandler`, which this site does not set.
  else if (value.kind === 'IMAGE') valueSize = bufferSize(value.buffer)
  else if (value.kind === 'FETCH') valueSize = JSON.stringify(value.data || '').length
  else if (value.kind === 'APP_ROUTE') valueSize = bufferSize(value.body)
  else if (value.kind === 'APP_PAGE')
    valueSize = bufferSize(value.html) + bufferSize(value.rscData) + bufferSize(value.postponed) + segmentDataSize(value.segmentData)
  else valueSize = bufferSize(value.html) + (JSON.stringify(value.pageData)?.length || 0)
  return key.length + Math.max(1, valueSize)
}

/**
 * Least recently used first: a Map keeps insertion order, and every use re-inserts. Holds cache
 * entries, weighed as Next weighs them (`entrySize`), unless given another way to weigh what it
 * holds (lib/runtime/responsePatches.ts keeps encoded pages in one).
 * @template [T=StoredEntry]
 */
export class MemoryStore {
  /**
   * @param {number} maxBytes
   * @param {(key: string, entry: T) => number} [sizeOf]
   */
  constructor(maxBytes, sizeOf = (key, entry) => entrySize(key, /** @type {StoredEntry} */ (/** @type {unknown} */ (entry)).value)) {
    this.maxBytes = maxBytes
    this.sizeOf = sizeOf
    this.bytes = 0
    /** @type {Map<string, { entry: T; size: number }>} */
    this.slots = new Map()
  }

  /** The entry under `key` (the stored object itself), now the most recently used. @param {string} key */
  get(key) {
    const slot = this.slots.get(key)
    if (!slot) return undefined
    this.slots.delete(key)
    this.slots.set(key, slot)
    return slot.entry
  }

  /** The entry under `key`, leaving the order of use as it is. @param {string} key */
  peek(key) {
    return this.slots.get(key)?.entry
  }

  /**
   * Stores `entry` as the most recently used, then drops the least recently used until the store
   * fits its bound. An entry larger than the whole bound is not kept (nor is the one it replaces).
   * @param {string} key @param {T} entry @returns {boolean} whether it was kept
   */
  set(key, entry) {
    this.delete(key)
    const size = this.sizeOf(key, entry)
    if (size > this.maxBytes) return false
    this.slots.set(key, { entry, size })
    this.bytes += size
    for (const [oldest, slot] of this.slots) {
      if (this.bytes <= this.maxBytes) break
      this.slots.delete(oldest)
      this.bytes -= slot.size
    }
    return true
  }

  /** @param {string} key */
  delete(key) {
    const slot = this.slots.get(key)
    if (!slot) return
    this.slots.delete(key)
    this.bytes -= slot.size
  }

  /** Keys from least to most recently used. */
  keys() {
    return [...this.slots.keys()]
  }
}

const STORE = Symbol.for('wellpress.cache-store')

/**
 * This process's store, created with the bound of the first handler that asks (as Next's own
 * memory cache is): every handler Next constructs gets the same `cacheMaxMemorySize`.
 * @param {number} maxBytes
 */
export function memoryStore(maxBytes) {
  const global = /** @type {{ [STORE]?: MemoryStore<StoredEntry> }} */ (globalThis)
  return (global[STORE] ??= new MemoryStore(maxBytes))
}
