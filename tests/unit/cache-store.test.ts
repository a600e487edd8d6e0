import { createRequire } from 'node:module'

import { cacheClock } from '@/lib/cache/fills.js'
import { entrySize, MemoryStore, memoryStore } from '@/lib/cache/store.js'
import { areTagsExpired, areTagsStale, markPurged, tagPurges } from '@/lib/cache/tag-purges.js'

/**
 * The cache handler's own parts (lib/cache/handler.js): its in-memory store, an LRU bounded by
 * bytes (lib/cache/store.js), and its record of tag purges (lib/cache/tag-purges.js).
 */

/** Next's own estimate of an entry's size, to hold ours against (a test may read next/dist; lib may not). */
const require = createRequire(import.meta.url)
const { getMemoryCache } = require('next/dist/server/lib/incremental-cache/memory-cache.external.js') as {
  getMemoryCache: (max: number) => { calculateSize: (entry: { value: unknown }, key: string) => number }
}
const nextSize = (key: string, value: unknown) => getMemoryCache(1024 * 1024).calculateSize({ value }, key)

let run = 0
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${++run}`
/** A data read whose JSON is `chars` characters long ("…" with its quotes). */
const read = (chars: number) => ({ kind: 'FETCH', data: 'x'.repeat(chars - 2), revalidate: 60 })
const entry = (value: unknown) => ({ value, lastModified: cacheClock() })

describe('the size of an entry', () => {
  it("is Next's own estimate for every kind the cache holds", () => {
    const values = [
      {
        kind: 'APP_PAGE',
        html: '<html>a page</html>',
        rscData: Buffer.from('rsc payload'),
        postponed: undefined,
        headers: {},
        status: 200,
        segmentData: new Map([['/_tree', Buffer.from('segment')]]),
      },
      { kind: 'APP_PAGE', html: '', rscData: undefined, postponed: undefined, headers: {}, status: 404, segmentData: undefined },
      { kind: 'APP_ROUTE', body: Buffer.from('<rss></rss>'), headers: {}, status: 200 },
      { kind: 'FETCH', data: { headers: {}, body: 'eyJ0aXRsZSI6Ik1hc3NhZ2UifQ==', status: 200, url: '' }, revalidate: 60 },
      { kind: 'REDIRECT', props: { destination: '/blog' } },
      { kind: 'PAGES', html: '<html></html>', pageData: { title: 'x' }, headers: {}, status: 200 },
      null,
    ]
    for (const value of values) expect([value?.kind, entrySize('/some/key', value)]).toEqual([value?.kind, nextSize('/some/key', value)])
  })

  it("of an optimised image is its bytes (Next's own store refuses them)", () => {
    expect(entrySize('img', { kind: 'IMAGE', buffer: Buffer.alloc(5_000), extension: 'webp', etag: 'e' })).toBe(3 + 5_000)
  })
})

describe('the in-memory store', () => {
  it('drops the least recently stored entries once past its bound in bytes', () => {
    const store = new MemoryStore(1_000)
    store.set('a', entry(read(299))) // 300 bytes with its key
    store.set('b', entry(read(299)))
    store.set('c', entry(read(299)))
    expect(store.bytes).toBe(900)
    store.set('d', entry(read(299)))
    expect(store.keys()).toEqual(['b', 'c', 'd'])
    expect(store.get('a')).toBeUndefined()
    expect(store.bytes).toBe(900)
    // One large entry pushes out as many as it needs to.
    store.set('e', entry(read(599)))
    expect(store.keys()).toEqual(['d', 'e'])
    expect(store.bytes).toBe(900)
  })

  it('keeps what was read recently: a read makes an entry the last to go', () => {
    const store = new MemoryStore(1_000)
    for (const key of ['a', 'b', 'c']) store.set(key, entry(read(299)))
    expect(store.get('a')?.value.data).toHaveLength(297)
    store.set('d', entry(read(299)))
    expect(store.keys()).toEqual(['c', 'a', 'd'])
    expect(store.get('b')).toBeUndefined()
  })

  it('counts a replaced entry once, at its new size', () => {
    const store = new MemoryStore(1_000)
    store.set('a', entry(read(299)))
    store.set('b', entry(read(299)))
    store.set('a', entry(read(99)))
    expect(store.bytes).toBe(400)
    expect(store.keys()).toEqual(['b', 'a'])
  })

  it('never keeps an entry larger than its whole bound, nor the one it replaces', () => {
    const store = new MemoryStore(1_000)
    store.set('a', entry(read(299)))
    store.set('b', entry(read(299)))
    expect(store.set('a', entry(read(1_000)))).toBe(false)
    expect(store.keys()).toEqual(['b'])
    expect(store.bytes).toBe(300)
  })

  it('hands back the stored entry itself', () => {
    const store = new MemoryStore(1_000)
    const stored = entry(read(10))
    store.set('a', stored)
    expect(store.get('a')).toBe(stored)
  })

  it('is one per process, on globalThis, with the bound of the first to ask', () => {
    const first = memoryStore(2_000)
    expect(memoryStore(5_000)).toBe(first)
    expect(first.maxBytes).toBe(2_000)
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('wellpress.cache-store')]).toBe(first)
  })
})

describe('the record of tag purges', () => {
  it('expires what was stored before a purge, once the purge is due; not what was stored after', () => {
    const [tag, other] = [unique('articles'), unique('authors')]
    const purgedAt = 1_000_000
    markPurged([tag], { stale: purgedAt, expired: purgedAt })
    expect(areTagsExpired([other, tag], purgedAt - 1, purgedAt)).toBe(true)
    expect(areTagsExpired([tag], purgedAt, purgedAt)).toBe(false) // stored at the purge's moment
    expect(areTagsExpired([tag], purgedAt + 1, purgedAt + 2)).toBe(false)
    expect(areTagsExpired([other], purgedAt - 1, purgedAt)).toBe(false)
    expect(areTagsStale([tag], purgedAt - 1)).toBe(true)
    expect(areTagsStale([tag], purgedAt)).toBe(false)
  })

  it('counts a purge with a future expiry as stale at once and expired only when that time comes', () => {
    const tag = unique('articles')
    markPurged([tag], { stale: 1_000, expired: 61_000 })
    expect(areTagsStale([tag], 500)).toBe(true)
    expect(areTagsExpired([tag], 500, 60_999)).toBe(false)
    expect(areTagsExpired([tag], 500, 61_000)).toBe(true)
  })

  it('judges on the cache clock by default', () => {
    const tag = unique('articles')
    const before = cacheClock()
    markPurged([tag], { expired: cacheClock() + 60_000 })
    expect(areTagsExpired([tag], before)).toBe(false)
    markPurged([tag], { expired: cacheClock() })
    expect(areTagsExpired([tag], before)).toBe(true)
  })

  it('replaces the marks given and keeps the others', () => {
    const tag = unique('articles')
    markPurged([tag], { stale: 10, expired: 5_000 })
    markPurged([tag], { expired: 20 })
    expect(tagPurges().get(tag)).toEqual({ stale: 10, expired: 20 })
  })

  it('is one per process, on globalThis', () => {
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('wellpress.cache-tag-purges')]).toBe(tagPurges())
  })
})
