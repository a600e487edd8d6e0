import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { createClient } from 'redis'
import sharp from 'sharp'

import { apiAt, lexicalParagraph, registerFirstAdminAt } from './auth'
import { postJson } from './client'
import { getAt, type Page } from './html'
import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from './ownServer'
import { type RedisServer, type S3Server, startRedis, startS3 } from '../sharedServices'

/**
 * Two production instances (`next start` A and B) on one database, sharing a real Redis
 * (REDIS_URL: Next's cache and its purges, the rate-limit counters, the job runner's turn) and an
 * S3-compatible bucket (S3_BUCKET: uploaded media), as `docker compose up --scale app=2` runs them
 * behind nginx. A change made through either is live on both on their next requests (within a
 * second at most), an image uploaded to one is served by the other, and a scheduled publish runs
 * once. Without Redis each instance would keep its own cache: these fail.
 */
const RUN = Date.now().toString(36)
const LIVE_WITHIN_MS = 1_000

let redisServer: RedisServer | undefined
let s3: S3Server | undefined
let a: OwnServer | undefined
let b: OwnServer | undefined
const database = temporarySqliteUri()
let token: string
let janetId: string

const api = (server: OwnServer, pathname: string, init: RequestInit = {}) => apiAt(server.baseUrl, pathname, { ...init, token })
const h1 = (page: Page) => page.doc.querySelector('h1')?.textContent ?? ''
const describePage = (page: Page) => `${page.status} (${page.headers.get('x-nextjs-cache') ?? 'no cache header'}) "${h1(page)}"`

beforeAll(async () => {
  redisServer = await startRedis()
  s3 = await startS3()
  const env = { REDIS_URL: redisServer.url, ...s3.env }
  // A applies the migrations to the new database; B starts on the migrated file.
  a = await startOwnServer(database.uri, { env })
  b = await startOwnServer(database.uri, { env })
  token = (await registerFirstAdminAt(a.baseUrl)).token
  janetId = (await api(a, '/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
}, 300_000)

afterAll(async () => {
  stopOwnServer(a)
  stopOwnServer(b)
  await s3?.stop()
  redisServer?.stop()
  database.cleanup()
})

async function createArticle(server: OwnServer, title: string, slug: string, status: 'draft' | 'published') {
  const created = await api(server, status === 'draft' ? '/articles?draft=true' : '/articles', {
    method: 'POST',
    body: JSON.stringify({ title, slug, excerpt: 'Written on one instance.', content: lexicalParagraph(title), author: janetId, _status: status }),
  })
  expect(created.status).toBe(201)
  return created.body.doc.id as string
}

/**
 * Asks `check` until it answers true, for at most `limitMs`: when the request that saw it live was
 * sent, in ms after the first (0: the very first request did). Throws with the last answer when the
 * limit passes.
 */
async function liveWithin(limitMs: number, check: () => Promise<true | string>): Promise<number> {
  const started = performance.now()
  let last: true | string = 'not asked'
  for (let attempt = 0; ; attempt++) {
    const asked = attempt === 0 ? 0 : performance.now() - started
    last = await check()
    if (last === true) return asked
    if (performance.now() - started > limitMs) throw new Error(`still not live after ${Math.round(performance.now() - started)} ms: ${last}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** An article's page and /blog on `server`: true when both show `title`. */
const shows = (server: OwnServer, slug: string, title: string) => async (): Promise<true | string> => {
  const [page, blog] = await Promise.all([getAt(server.baseUrl, `/blog/${slug}`), getAt(server.baseUrl, '/blog')])
  if (page.status === 200 && h1(page).includes(title) && blog.html.includes(title)) return true
  return `page ${describePage(page)}, /blog ${blog.html.includes(title) ? 'lists it' : 'does not list it'}`
}

test('published through A: live on B within a second, its page and /blog', async () => {
  const title = `Published on A ${RUN}`
  const slug = `published-on-a-${RUN}`
  // B has the missing page (a 404) and /blog without it in its cache.
  expect((await getAt(b!.baseUrl, `/blog/${slug}`)).status).toBe(404)
  expect((await getAt(b!.baseUrl, `/blog/${slug}`)).status).toBe(404)
  expect((await getAt(b!.baseUrl, '/blog')).html).not.toContain(title)

  await createArticle(a!, title, slug, 'published')
  const took = await liveWithin(LIVE_WITHIN_MS, shows(b!, slug, title))
  // The shared purge is in Redis before A answers: B's very next request shows it.
  expect(took).toBe(0)
})

test('edited through B: live on A within a second', async () => {
  const slug = `edited-on-b-${RUN}`
  const id = await createArticle(a!, `Before the edit ${RUN}`, slug, 'published')
  await liveWithin(LIVE_WITHIN_MS, shows(a!, slug, `Before the edit ${RUN}`))
  expect(h1(await getAt(a!.baseUrl, `/blog/${slug}`))).toContain(`Before the edit ${RUN}`)

  const edited = await api(b!, `/articles/${id}`, { method: 'PATCH', body: JSON.stringify({ title: `After the edit ${RUN}`, _status: 'published' }) })
  expect(edited.status).toBe(200)
  expect(await liveWithin(LIVE_WITHIN_MS, shows(a!, slug, `After the edit ${RUN}`))).toBe(0)
})

test('unpublished through A: 404 on both within a second, and off /blog', async () => {
  const title = `Soon withdrawn ${RUN}`
  const slug = `soon-withdrawn-${RUN}`
  const id = await createArticle(a!, title, slug, 'published')
  for (const server of [a!, b!]) await liveWithin(LIVE_WITHIN_MS, shows(server, slug, title))

  const unpublished = await api(a!, `/articles/${id}`, { method: 'PATCH', body: JSON.stringify({ _status: 'draft' }) })
  expect(unpublished.status).toBe(200)
  for (const server of [a!, b!]) {
    const took = await liveWithin(LIVE_WITHIN_MS, async () => {
      const [page, blog] = await Promise.all([getAt(server.baseUrl, `/blog/${slug}`), getAt(server.baseUrl, '/blog')])
      return page.status === 404 && !blog.html.includes(title) ? true : `page ${describePage(page)}, /blog lists it: ${blog.html.includes(title)}`
    })
    expect(took).toBe(0)
  }
})

test('a page rendered by A is served by B from the shared cache, without rendering it again', async () => {
  const title = `Rendered once ${RUN}`
  const slug = `rendered-once-${RUN}`
  await createArticle(a!, title, slug, 'published')
  expect((await getAt(a!.baseUrl, `/blog/${slug}`)).status).toBe(200)
  const onA = await getAt(a!.baseUrl, `/blog/${slug}`)
  expect(onA.headers.get('x-nextjs-cache')).toBe('HIT')
  const onB = await getAt(b!.baseUrl, `/blog/${slug}`)
  expect(onB.status).toBe(200)
  expect(onB.headers.get('x-nextjs-cache')).toBe('HIT')
  expect(h1(onB)).toContain(title)

  // It is Redis that holds it: entries under the build's key, purges by tag.
  const client = createClient({ url: redisServer!.url })
  await client.connect()
  try {
    expect((await client.keys('wellpress:cache:*')).length).toBeGreaterThan(0)
    expect(await client.hLen('wellpress:tags:expired')).toBeGreaterThan(0)
  } finally {
    await client.close()
  }
})

async function upload(server: OwnServer, bytes: Uint8Array, name: string, alt: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name)
  form.append('_payload', JSON.stringify({ alt }))
  const response = await fetch(`${server.baseUrl}/api/media`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
  return { status: response.status, body: await response.json() }
}

test('an image uploaded through A is served by B from the bucket, with every generated size', async () => {
  const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 160, g: 120, b: 90 } } }).png().toBuffer()
  const uploaded = await upload(a!, png, `hot-stones-${RUN}.png`, 'Hot stones in a row on a towel')
  expect(uploaded.status).toBe(201)
  const doc = uploaded.body.doc as { url: string; filename: string; sizes: Record<string, { url: string; filename: string; mimeType: string }> }
  expect(Object.keys(doc.sizes).sort()).toEqual(['card', 'cardAvif', 'hero', 'heroAvif', 'og', 'thumbnail'])

  const files = [{ url: doc.url, type: 'image/webp', name: doc.filename }, ...Object.values(doc.sizes).map((size) => ({ url: size.url, type: size.mimeType, name: size.filename }))]
  for (const file of files) {
    const fromB = await fetch(new URL(file.url, b!.baseUrl))
    expect({ url: file.url, status: fromB.status, type: fromB.headers.get('content-type') }).toEqual({ url: file.url, status: 200, type: file.type })
    const bytes = Buffer.from(await fromB.arrayBuffer())
    const fromA = Buffer.from(await (await fetch(new URL(file.url, a!.baseUrl))).arrayBuffer())
    expect(bytes.length).toBeGreaterThan(0)
    expect(bytes.equals(fromA)).toBe(true)
  }

  // In the bucket, not on either instance's disk.
  const bucket = new S3Client({
    endpoint: s3!.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3!.env.S3_ACCESS_KEY_ID, secretAccessKey: s3!.env.S3_SECRET_ACCESS_KEY },
  })
  const listed = await bucket.send(new ListObjectsV2Command({ Bucket: s3!.bucket }))
  bucket.destroy()
  expect(listed.Contents?.map((object) => object.Key)).toEqual(expect.arrayContaining(files.map((file) => file.name)))

  // A file the bucket does not have is a 404 on either instance, not an error.
  expect((await fetch(`${b!.baseUrl}/api/media/file/never-uploaded-${RUN}.webp`)).status).toBe(404)
})

test('the image rules hold with media in the bucket: a text file renamed .png is refused', async () => {
  const notes = new TextEncoder().encode('Shoulder massage notes, not an image.\n'.repeat(10))
  const refused = await upload(b!, notes, `notes-${RUN}.png`, 'Notes about shoulder massage')
  expect(refused.status).toBe(400)
  expect(refused.body.errors[0].message).toMatch(/not a JPEG, PNG, WebP or AVIF image/)
})

test('the contact form limit counts messages sent to either instance together', async () => {
  const client = '127.71.0.1'
  const message = (n: number) => ({
    name: 'Maria Lopez',
    email: `instances-${RUN}@example.com`,
    preferredTime: 'morning',
    message: `Message ${n}: I would like to book a massage for my shoulders, please.`,
    consent: true,
  })
  const statuses: number[] = []
  for (let n = 1; n <= 6; n++) statuses.push((await postJson(n % 2 ? a!.baseUrl : b!.baseUrl, '/api/inquiries', message(n), client)).status)
  // Five per client per ten minutes, wherever they landed: the sixth is refused.
  expect(statuses.slice(0, 5).every((status) => status >= 200 && status < 300)).toBe(true)
  expect(statuses[5]).toBe(429)
})

test('a scheduled publish runs once, on one instance, and goes live on both', async () => {
  const articles = await Promise.all(
    [1, 2, 3].map(async (n) => {
      const title = `Scheduled ${n} ${RUN}`
      const slug = `scheduled-${n}-${RUN}`
      return { title, slug, id: await createArticle(a!, title, slug, 'draft') }
    }),
  )
  for (const { slug } of articles) expect((await getAt(b!.baseUrl, `/blog/${slug}`)).status).toBe(404)

  const when = new Date(Date.now() + 2_000).toISOString()
  const queued = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'tests/http/fixtures/queue-scheduled-publish.ts', when, ...articles.map(({ id }) => id)], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URI: database.uri, PAYLOAD_SECRET: 'own-test-secret-own-test-secret-0123456', NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 120_000,
  })
  expect({ status: queued.status, out: queued.stdout.match(/QUEUED=\d+/)?.[0] }).toEqual({ status: 0, out: 'QUEUED=3' })

  // Both instances tick every 10 s, at the same moments: the jobs are due at the next tick.
  for (const server of [a!, b!]) for (const { slug, title } of articles) await liveWithin(40_000, shows(server, slug, title))
  // Any second run would have happened in the same tick; give it time to show.
  await new Promise((resolve) => setTimeout(resolve, 3_000))

  for (const { id, title } of articles) {
    const versions = await api(a!, `/articles/versions?where[parent][equals]=${id}&limit=100&depth=0`)
    expect(versions.status).toBe(200)
    const published = (versions.body.docs as { version: { _status: string } }[]).filter((doc) => doc.version._status === 'published')
    expect({ title, publishes: published.length }).toEqual({ title, publishes: 1 })
  }
}, 120_000)
