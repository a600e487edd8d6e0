import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { deserialize } from 'node:v8'

import { jest } from '@jest/globals'
import { createClient, RESP_TYPES } from 'redis'

import { cacheClock } from '../../lib/cache/fills.js'
import WellpressCacheHandler from '../../lib/cache/handler.js'
import { EXPIRED_TAGS_KEY, KEY_PREFIX } from '../../lib/cache/shared.js'
import { tagPurges } from '../../lib/cache/tag-purges.js'
import { takeJobRunnerTurn, TURN_KEY } from '../../lib/jobs/runnerTurn'
import { RedisHitStore } from '../../lib/limits/redisStore'
import { SlidingWindow } from '../../lib/limits/window'
import { closeRedis } from '../../lib/storage/redis.js'
import { type RedisServer, startRedis } from '../sharedServices'

/**
 * What several app instances share through a real Redis (a redis-server this file starts; without
 * one it fails, naming what to install): Next's cache (lib/cache/handler.js with
 * lib/cache/shared.js), the limit counters (lib/limits/redisStore.ts) and the job runner's turn
 * (lib/jobs/runnerTurn.ts). Two instances here are two handlers or stores in this one process; the
 * purges one records reach the other only through Redis, because each test forgets them locally
 * first. tests/http/instances.test.ts runs two real servers.
 */
/** This process's record of tag purges, which the handler judges entries by. */
const purgeRecord = tagPurges()

const BUILD_ID = 'shared-state-test-build'
const distDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-shared-cache-'))
mkdirSync(path.join(distDir, 'server'))
writeFileSync(path.join(distDir, 'BUILD_ID'), BUILD_ID)

let redisServer: RedisServer
let inspect: ReturnType<typeof createClient>
const previousRedisUrl = process.env.REDIS_URL

beforeAll(async () => {
  redisServer = await startRedis()
  process.env.REDIS_URL = redisServer.url
  inspect = createClient({ url: redisServer.url })
  await inspect.connect()
})

afterAll(async () => {
  await inspect?.close()
  await closeRedis()
  if (previousRedisUrl === undefined) delete process.env.REDIS_URL
  else process.env.REDIS_URL = previousRedisUrl
  redisServer?.stop()
  rmSync(distDir, { recursive: true, force: true })
})

/** One app instance's cache handler, on the shared Redis. */
const instance = () =>
  new WellpressCacheHandler({ serverDistDir: path.join(distDir, 'server'), maxMemoryCacheSize: 10 * 1024 * 1024, dev: false })

let run = 0
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${++run}`
const page = (status: number | undefined, tags: string[]) => ({
  kind: 'APP_PAGE',
  html: '<html>shared</html>',
  rscData: Buffer.from('rsc payload'),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status,
  postponed: undefined,
  segmentData: new Map([['/_tree', Buffer.from('segment')]]),
})
const pageContext = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }
const cacheControl = { revalidate: 60, expire: 86_400 }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** As if this process had never heard of the tag's purges: only Redis knows them. */
const forgetLocally = (tag: string) => purgeRecord.delete(tag)

describe('the shared cache', () => {
  it('serves an entry one instance stored to another, bytes and all', async () => {
    const key = unique('/blog/shared')
    const [a, b] = [instance(), instance()]
    expect(await a.get(key, pageContext)).toBeNull()
    await a.set(key, page(undefined, ['articles']), { ...pageContext, cacheControl })
    const read = await b.get(key, pageContext)
    expect(read?.value.html).toBe('<html>shared</html>')
    expect(Buffer.isBuffer(read?.value.rscData) && read.value.rscData.toString()).toBe('rsc payload')
    expect(read?.value.segmentData.get('/_tree').toString()).toBe('segment')
    expect(read?.cacheControl).toEqual(cacheControl)
    // Keyed by the build: another release never reads it.
    expect(await inspect.exists(`${KEY_PREFIX}${BUILD_ID}:${key}`)).toBe(1)
  })

  it('expires an entry for every instance when any one purges its tag', async () => {
    const key = unique('/blog/purged')
    const tag = unique('articles:purged')
    const [a, b] = [instance(), instance()]
    await a.get(key, pageContext)
    await a.set(key, page(undefined, [tag]), { ...pageContext, cacheControl })
    await sleep(2)
    await a.revalidateTag([tag], { expire: 0 })
    forgetLocally(tag)
    expect(await b.get(key, pageContext)).toBeNull()
    // And this process's record now knows the purge too, for the handler's own checks.
    expect(purgeRecord.get(tag)?.expired).toBeGreaterThan(0)
  })

  it('stamps an entry with the start of its render: a purge during the render expires what it stores, on any instance', async () => {
    const key = unique('/blog/straddled')
    const tag = unique('articles:straddled')
    const [renderer, editor, reader] = [instance(), instance(), instance()]
    expect(await renderer.get(key, pageContext)).toBeNull() // the render begins
    await sleep(5)
    await editor.revalidateTag([tag], { expire: 0 }) // the article changes meanwhile
    await sleep(5)
    await renderer.set(key, page(undefined, [tag]), { ...pageContext, cacheControl })
    forgetLocally(tag)
    expect(await reader.get(key, pageContext)).toBeNull()
  })

  it('keeps a render that began after the purge', async () => {
    const key = unique('/blog/after')
    const tag = unique('articles:after')
    const [a, b] = [instance(), instance()]
    await a.revalidateTag([tag], { expire: 0 })
    await sleep(5)
    expect(await b.get(key, pageContext)).toBeNull()
    await b.set(key, page(undefined, [tag]), { ...pageContext, cacheControl })
    forgetLocally(tag)
    expect((await a.get(key, pageContext))?.value.html).toBe('<html>shared</html>')
  })

  it('never serves a stale 404: it renders again in the foreground; a stale 200 is served while it renders', async () => {
    const missing = unique('/blog/was-missing')
    const present = unique('/blog/was-there')
    const cache = instance()
    const shortLived = { revalidate: 1, expire: 86_400 }
    await cache.get(missing, pageContext)
    await cache.set(missing, page(404, ['articles']), { ...pageContext, cacheControl: shortLived })
    await cache.get(present, pageContext)
    await cache.set(present, page(undefined, ['articles']), { ...pageContext, cacheControl: shortLived })
    expect((await cache.get(missing, pageContext))?.value.status).toBe(404) // fresh: served
    await sleep(1_100)
    expect(await cache.get(missing, pageContext)).toBeNull()
    expect((await cache.get(present, pageContext))?.value.html).toBe('<html>shared</html>')
  })

  it("stores stamps on Redis's clock and hands Next its own", async () => {
    const key = unique('/blog/clock')
    const tag = unique('articles:clock')
    const cache = instance()
    await cache.get(key, pageContext)
    const localStart = cacheClock()
    await cache.set(key, page(undefined, [tag]), { ...pageContext, cacheControl })
    const [seconds, microseconds] = (await inspect.time()) as unknown as [string, string]
    const redisNow = Number(seconds) * 1000 + Number(microseconds) / 1000
    const stored = deserialize((await inspect.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get(`${KEY_PREFIX}${BUILD_ID}:${key}`)) as unknown as Buffer) as {
      lastModified: number
    }
    expect(Math.abs(stored.lastModified - redisNow)).toBeLessThan(1_000)
    const read = await cache.get(key, pageContext)
    expect(Math.abs((read?.lastModified ?? 0) - localStart)).toBeLessThan(1_000)
    await cache.revalidateTag([tag], { expire: 0 })
    expect(Math.abs(Number(await inspect.hGet(EXPIRED_TAGS_KEY, tag)) - redisNow)).toBeLessThan(1_000)
  })
})

describe('the limit counters in Redis', () => {
  it('count hits from every instance against one limit, sliding', async () => {
    const [a, b] = [new RedisHitStore(), new RedisHitStore()]
    const key = unique('client')
    const onA = new SlidingWindow('shared-test', 3, 60_000, () => a)
    const onB = new SlidingWindow('shared-test', 3, 60_000, () => b)
    const now = Date.now()
    await onA.record(key, now)
    await onB.record(key, now + 1)
    expect(await onA.retryAfterSeconds(key, now + 2)).toBe(0)
    await onA.record(key, now + 2)
    expect(await onB.retryAfterSeconds(key, now + 3)).toBe(60)
    // The first hit leaves the window a minute later.
    expect(await onB.retryAfterSeconds(key, now + 60_001)).toBe(0)
    expect(await onB.latest(key, now + 3)).toBe(now + 2)
    await onB.clear(key)
    expect(await onA.retryAfterSeconds(key, now + 3)).toBe(0)
  })

  it('keep the newest `keep` hits of a key, and forget it `ttl` after its last', async () => {
    const store = new RedisHitStore()
    const key = unique('kept')
    const now = Date.now()
    for (let at = 1; at <= 10; at++) await store.add(key, now + at, 3, 60_000)
    expect(await store.hits(key, 0)).toEqual([now + 8, now + 9, now + 10])
    // Hits with the very same time are all counted.
    await store.add(key, now + 10, 5, 60_000)
    expect(await store.hits(key, now + 9)).toEqual([now + 10, now + 10])
    const ttl = await inspect.pTTL(`wellpress:hits:${key}`)
    expect(ttl).toBeGreaterThan(50_000)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })
})

describe("the job runner's turn", () => {
  const logger = { warn: () => {} } as never

  it('goes to exactly one of the instances that ask on a tick, and passes on once it lapses', async () => {
    await inspect.del(TURN_KEY)
    const answers = await Promise.all(['a', 'b', 'c'].map((id) => takeJobRunnerTurn({ logger }, id)))
    expect(answers.filter(Boolean)).toHaveLength(1)
    expect(await takeJobRunnerTurn({ logger }, 'a')).toBe(false)
    await inspect.pExpire(TURN_KEY, 1)
    await sleep(20)
    expect(await takeJobRunnerTurn({ logger }, 'b')).toBe(true)
  })
})

describe('with Redis away', () => {
  it('reads are misses, and writes and purges fail without failing the request', async () => {
    const down = `redis://127.0.0.1:${redisServer.port + 1}`
    const previous = process.env.REDIS_URL
    process.env.REDIS_URL = down
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const cache = instance()
      const key = unique('/blog/no-redis')
      expect(await cache.get(key, pageContext)).toBeNull()
      await expect(cache.set(key, page(undefined, ['articles']), { ...pageContext, cacheControl })).resolves.toBeUndefined()
      await expect(cache.revalidateTag(['articles'], { expire: 0 })).resolves.toBeUndefined()
      expect(errors.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/\[cache\]/)
      expect(await takeJobRunnerTurn({ logger: { warn: () => {} } } as never, 'x')).toBe(false)
      // Limits are not enforced rather than failing the visitor's request.
      const limit = new SlidingWindow('no-redis', 1, 60_000, () => new RedisHitStore())
      await expect(limit.record('client', Date.now())).resolves.toBeUndefined()
      expect(await limit.retryAfterSeconds('client')).toBe(0)
      expect(errors.mock.calls.map((call) => String(call[0])).join('\n')).toMatch(/\[limits\] Redis unreachable/)
    } finally {
      errors.mockRestore()
      await closeRedis()
      process.env.REDIS_URL = previous
    }
  }, 20_000)
})
