import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { cacheClock, fillsBeganBefore, fillStamp, fillStarted, serveNothingStoredBefore } from '@/lib/cache/fills.js'
import WellpressCacheHandler from '@/lib/cache/handler.js'
import { areTagsExpired } from '@/lib/cache/tag-purges.js'

/**
 * lib/cache/handler.js over its in-memory store (no mocks): what it stamps, when a purge reaches an
 * entry, and which entries it never serves stale. The end-to-end proof is
 * tests/http/publish-race.test.ts and tests/http/clock-step.test.ts.
 */

const distDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-cache-handler-'))
afterAll(() => rmSync(distDir, { recursive: true, force: true }))

const handler = () =>
  new WellpressCacheHandler({ serverDistDir: distDir, maxMemoryCacheSize: 10 * 1024 * 1024, dev: false })

let run = 0
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${++run}`
const page = (status: number | undefined, tags: string[]) => ({
  kind: 'APP_PAGE',
  html: '<html></html>',
  rscData: Buffer.from(''),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status,
  postponed: undefined,
  segmentData: undefined,
})
const pageContext = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }
const cacheControl = { revalidate: 60, expire: 86_400 }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Moves a stored entry's stamp into the past, as if it had been stored `ms` ago. */
async function age(key: string, ms: number) {
  const entry = await handler().get(key, pageContext)
  entry!.lastModified! -= ms
}

describe('fills in progress', () => {
  it('stamps each with a start no later than its own, whichever finishes first', () => {
    const key = unique('fill')
    fillStarted(key, 1_000_000)
    fillStarted(key, 1_000_050)
    // The later fill finishes first: it gets the earlier start (conservative), and so does the other.
    expect(fillStamp(key, 1_000_100)).toBe(1_000_000)
    expect(fillStamp(key, 1_000_120)).toBe(1_000_000)
    // Nothing in progress: the time of storing.
    expect(fillStamp(key, 1_000_200)).toBe(1_000_200)
  })

  it('reports the fills that began before a moment until they are done', () => {
    const key = unique('fill')
    const began = cacheClock()
    fillStarted(key, began)
    expect(fillsBeganBefore(began + 1)).toBe(true)
    expect(fillsBeganBefore(began)).toBe(false)
    fillStamp(key, began + 2)
    expect(fillsBeganBefore(began + 1)).toBe(false)
  })
})

describe('a render that straddles a purge', () => {
  it('is stamped with its start, so the purge during it expires what it stores', async () => {
    const key = unique('/blog/straddled')
    const tag = unique('articles:straddled')
    const cache = handler()
    expect(await cache.get(key, pageContext)).toBeNull() // a miss: the render begins now
    await sleep(5)
    await cache.revalidateTag([tag], { expire: 0 }) // the article changes while it renders
    await sleep(5)
    await cache.set(key, page(404, [tag]), { ...pageContext, cacheControl })
    const stored = await cache.get(key, pageContext)
    expect(stored).toBeNull()
  })

  it('one that began after the purge is kept', async () => {
    const key = unique('/blog/after')
    const tag = unique('articles:after')
    const cache = handler()
    await cache.revalidateTag([tag], { expire: 0 })
    await sleep(5)
    expect(await cache.get(key, pageContext)).toBeNull()
    await cache.set(key, page(undefined, [tag]), { ...pageContext, cacheControl })
    expect((await cache.get(key, pageContext))?.value.html).toBe('<html></html>')
  })
})

describe('purges', () => {
  it('expire on the clock entries are judged by, at once', async () => {
    const tag = unique('articles:clock')
    const before = cacheClock()
    await sleep(2)
    await handler().revalidateTag([tag], { expire: 0 })
    expect(areTagsExpired([tag], before)).toBe(true)
  })
})

describe('purges that only mark stale (a future expire; the site itself purges with expire: 0)', () => {
  it('report what was stored before them missing, so it renders in the foreground; what is stored after is served', async () => {
    const key = unique('/blog/marked-stale')
    const tag = unique('articles:marked-stale')
    const cache = handler()
    await cache.get(key, pageContext)
    await cache.set(key, page(undefined, [tag]), { ...pageContext, cacheControl })
    await sleep(2)
    await cache.revalidateTag([tag], { expire: 3_600 })
    expect(await cache.get(key, pageContext)).toBeNull()
    await sleep(2)
    await cache.set(key, page(undefined, [tag]), { ...pageContext, cacheControl })
    expect((await cache.get(key, pageContext))?.value.html).toBe('<html></html>')
  })
})

describe('the in-memory store', () => {
  it('keeps nothing larger than the bound Next passes (cacheMaxMemorySize)', async () => {
    const key = unique('/blog/huge')
    const cache = handler()
    await cache.get(key, pageContext)
    await cache.set(key, { ...page(undefined, ['articles']), html: 'x'.repeat(11 * 1024 * 1024) }, { ...pageContext, cacheControl })
    expect(await cache.get(key, pageContext)).toBeNull()
  })

  it('holds data reads too, with their tags from the read', async () => {
    const key = unique('fetch')
    const tag = unique('articles:fetch')
    const fetchContext = { kind: 'FETCH', tags: [tag], softTags: [], revalidate: 60 }
    const cache = handler()
    await cache.get(key, fetchContext)
    await cache.set(key, { kind: 'FETCH', data: { body: 'e30=' }, revalidate: 60 }, { fetchCache: true, tags: [tag], revalidate: 60 })
    expect((await cache.get(key, fetchContext))?.value.data.body).toBe('e30=')
    await sleep(2)
    await cache.revalidateTag([tag], { expire: 0 })
    expect(await cache.get(key, fetchContext)).toBeNull()
  })
})

describe('stale entries', () => {
  it('a page that answered 404 is never served stale: it renders again in the foreground', async () => {
    const key = unique('/blog/was-missing')
    const cache = handler()
    await cache.get(key, pageContext)
    await cache.set(key, page(404, ['articles']), { ...pageContext, cacheControl })
    await age(key, 61_000)
    expect(await cache.get(key, pageContext)).toBeNull()
  })

  it('a page that answered 200 is served stale while it renders again (stale-while-revalidate)', async () => {
    const key = unique('/blog/was-there')
    const cache = handler()
    await cache.get(key, pageContext)
    await cache.set(key, page(undefined, ['articles']), { ...pageContext, cacheControl })
    await age(key, 61_000)
    expect((await cache.get(key, pageContext))?.value.status).toBeUndefined()
  })

  it('a fresh 404 is served from the cache', async () => {
    const key = unique('/blog/missing')
    const cache = handler()
    await cache.get(key, pageContext)
    await cache.set(key, page(404, ['articles']), { ...pageContext, cacheControl })
    expect((await cache.get(key, pageContext))?.value.status).toBe(404)
  })
})

describe('start-up expiry (lib/cache/startup.ts)', () => {
  afterEach(() => serveNothingStoredBefore(0))

  it('never serves an entry stored before the server started; what is stored after is served', async () => {
    const cache = handler()
    const key = unique('/built-page')
    await cache.set(key, page(200, ['_N_T_/layout']), { ...pageContext, cacheControl })
    serveNothingStoredBefore(cacheClock() + 1)
    await sleep(5)
    expect(await cache.get(key, pageContext)).toBeNull()
    await cache.set(key, page(200, ['_N_T_/layout']), { ...pageContext, cacheControl })
    expect((await cache.get(key, pageContext))?.value.html).toBe('<html></html>')
  })
})
