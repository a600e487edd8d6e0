/**
 * Scale (issue 6): the same site at 100 and 5,000 articles (bench/seed-scale.ts, through Payload's
 * Local API), then past 50,000 sitemap URLs. For each size:
 *
 * - `next build` time, cold (its own dist folder, emptied first), with DATABASE_URI on the seeded file;
 * - `next start` on the seeded file, and per page: the first request after a fresh start
 *   ("uncached": Next's in-memory data cache is empty after a restart, lib/cache/tags.ts) and the
 *   median of the next 20 ("cached");
 * - the SQLite indexes on the articles tables and the query plans of the site's list queries
 *   (bench/_scale-queries.ts).
 *
 * Targets: build at 5,000 ≤ 1.2× at 100; every page < 2 s uncached and < 50 ms cached, also with
 * ≥ 50,000 sitemap URLs (where /sitemap.xml must be a sitemap index).
 *
 * BENCH_SCALE_MAX=1000 caps the large size (100 and 1,000); SKIP_BUILD=1 reuses the last builds.
 * Builds into .next-bench-scale-<n>. Bench images are removed from data/media at the end.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { CACHE_MAX_MEMORY_BYTES } from '../lib/cache/memory'
import { SITEMAP_MAX_URLS } from '../lib/seo/sitemap'
import { site } from '../lib/config/site'
import { freePort, serverHeapLimitMiB, serverMemoryEnv, START_SCRIPT } from '../tests/http/server'
import { peakRssMiB } from './_measure'
import { removeBenchImages, type ScaleSeedReport } from './seed-scale'
import { targetMarker } from './_targets'

const MAX = Number(process.env.BENCH_SCALE_MAX ?? 5000)
const SIZES = [...new Set([100, Math.max(100, Math.min(5000, MAX))])]
const CACHED_REQUESTS = 20
const UNCACHED_TARGET_MS = 2000
const CACHED_TARGET_MS = 50
const BUILD_RATIO_TARGET = 1.2
const SECRET = 'http-test-secret-http-test-secret-0123'

type Server = { base: string; pid: number; logFile: string }
type PageResult = { label: string; path: string; status: number; bytes: number; uncached: number; cachedMedian: number; cachedMax: number; note?: string }
type QueryReport = {
  indexes: Record<string, { name: string; unique: boolean; columns: string[] }[]>
  queries: { label: string; ms: number; statements: number; plans: { sql: string; plan: string[] }[] }[]
}

const serverEnv = (dbFile: string, distDir: string, port?: number) =>
  ({
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URI: `file:${dbFile}`,
    PAYLOAD_SECRET: SECRET,
    SITE_URL: 'https://wellpress.test',
    SEED: 'false',
    NEXT_DIST_DIR: distDir,
    ...(port ? { PORT: String(port) } : {}),
  }) as NodeJS.ProcessEnv

function runTsx(args: string[]): string {
  const result = spawnSync('npx', ['tsx', ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.status !== 0) throw new Error(`tsx ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-4000)}`)
  for (const line of result.stderr.split('\n')) if (line.startsWith('[seed-scale]')) console.log(line)
  const last = result.stdout.trim().split('\n').filter((line) => line.startsWith('{')).pop()
  if (!last) throw new Error(`tsx ${args.join(' ')} printed no JSON:\n${result.stdout.slice(-2000)}`)
  return last
}

function build(dbFile: string, distDir: string): number | null {
  if (process.env.SKIP_BUILD === '1') return null
  rmSync(distDir, { recursive: true, force: true })
  const started = performance.now()
  const result = spawnSync('npx', ['next', 'build'], { env: serverEnv(dbFile, distDir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 2 ** 20 })
  if (result.status !== 0) throw new Error(`next build failed (${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`)
  return (performance.now() - started) / 1000
}

async function start(dbFile: string, distDir: string, logDir: string): Promise<Server> {
  const port = await freePort()
  const logFile = path.join(logDir, `server-${port}.log`)
  const child = spawn('sh', [START_SCRIPT, '-p', String(port), '-H', '127.0.0.1'], {
    env: serverEnv(dbFile, distDir, port),
    detached: true,
    stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
  })
  child.unref()
  const server = { base: `http://127.0.0.1:${port}`, pid: child.pid as number, logFile }
  // /health reads the database uncached (and boots Payload) but renders no page and fills no cache.
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${server.base}/health`)).status === 200) return server
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stop(server)
  throw new Error(`next start did not answer /health within 120 s:\n${readFileSync(logFile, 'utf8').slice(-3000)}`)
}

function stop(server: Server) {
  try {
    process.kill(-server.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}

async function stopAndWait(server: Server) {
  stop(server)
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    try {
      process.kill(-server.pid, 0)
    } catch {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  process.kill(-server.pid, 'SIGKILL')
}

async function timed(url: string) {
  const started = performance.now()
  const response = await fetch(url, { redirect: 'manual' })
  const body = await response.text()
  return { ms: performance.now() - started, status: response.status, body }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** A fresh server per page, so each first request finds Next's data cache empty. */
async function measurePage(dbFile: string, distDir: string, logDir: string, label: string, pagePath: string): Promise<PageResult & { body: string }> {
  const server = await start(dbFile, distDir, logDir)
  try {
    const first = await timed(`${server.base}${pagePath}`)
    const cached: number[] = []
    for (let i = 0; i < CACHED_REQUESTS; i++) cached.push((await timed(`${server.base}${pagePath}`)).ms)
    return {
      label,
      path: pagePath,
      status: first.status,
      bytes: Buffer.byteLength(first.body),
      uncached: first.ms,
      cachedMedian: median(cached),
      cachedMax: Math.max(...cached),
      body: first.body,
    }
  } finally {
    await stopAndWait(server)
  }
}

const ms = (value: number) => `${Math.round(value)} ms`
const verdict = (page: PageResult) => (page.status === 200 && page.uncached < UNCACHED_TARGET_MS && page.cachedMedian < CACHED_TARGET_MS ? 'yes' : 'NO')

type SizeResult = { size: number; seed: ScaleSeedReport; buildSeconds: number | null; pages: PageResult[]; queries: QueryReport; dbFile: string; distDir: string }

async function measureSize(size: number, workDir: string): Promise<SizeResult> {
  const dbFile = path.join(workDir, `scale-${size}.db`)
  console.log(`[scale] seeding ${size} articles`)
  const seed = JSON.parse(runTsx(['bench/seed-scale.ts', '--db', dbFile, '--count', String(size)])) as ScaleSeedReport
  const distDir = `.next-bench-scale-${size}`
  console.log(`[scale] next build → ${distDir}`)
  const buildSeconds = build(dbFile, distDir)
  const queries = JSON.parse(
    runTsx(['bench/_scale-queries.ts', '--db', dbFile, '--topic', seed.sample.topicSlug, '--article', seed.sample.articleSlug]),
  ) as QueryReport
  // The seeded first article is published too: one more than the generated ones.
  const lastPage = Math.ceil((seed.published + 1) / site.postsPerPage)
  const targets: [string, string][] = [
    ['home', '/'],
    ['blog page 2', '/blog/page/2'],
    [`blog last page (${lastPage})`, `/blog/page/${lastPage}`],
    [`topic (${seed.sample.topicArticles} articles)`, `/topics/${seed.sample.topicSlug}`],
    ['article', `/blog/${seed.sample.articleSlug}`],
    ['/sitemap.xml', '/sitemap.xml'],
    ['/feed.xml', '/feed.xml'],
  ]
  const pages: PageResult[] = []
  for (const [label, pagePath] of targets) {
    console.log(`[scale] ${size}: ${pagePath}`)
    const { body: _body, ...page } = await measurePage(dbFile, distDir, workDir, label, pagePath)
    pages.push(page)
  }
  return { size, seed, buildSeconds, pages, queries, dbFile, distDir }
}

/** Tops the largest site up with topics until the sitemap lists ≥ 50,000 URLs, then measures it. */
async function measureBigSitemap(largest: SizeResult, workDir: string) {
  const urlsBefore = (await sitemapUrlCount(largest)) ?? 0
  const extra = SITEMAP_MAX_URLS + 100 - urlsBefore
  console.log(`[scale] sitemap at ${urlsBefore} URLs; adding ${extra} topics`)
  const added = JSON.parse(runTsx(['bench/seed-scale.ts', '--db', largest.dbFile, '--count', '0', '--extra-topics', String(extra)])) as {
    sitemapTopics: { topics: number; seconds: number; docsPerSecond: number }
  }
  const index = await measurePage(largest.dbFile, largest.distDir, workDir, '/sitemap.xml (index)', '/sitemap.xml')
  const children = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname)
  const isIndex = index.body.includes('<sitemapindex')
  const child = children[0] ? await measurePage(largest.dbFile, largest.distDir, workDir, `${children[0]} (child)`, children[0]) : null
  const childUrls = child ? (child.body.match(/<url>/g) ?? []).length : 0
  let lastChildUrls = 0
  if (children.length > 1) {
    const last = await measurePage(largest.dbFile, largest.distDir, workDir, 'last child', children[children.length - 1])
    lastChildUrls = (last.body.match(/<url>/g) ?? []).length
  }
  const strip = ({ body: _body, ...page }: PageResult & { body: string }): PageResult => page
  return { urlsBefore, added: added.sitemapTopics, isIndex, children, childUrls, lastChildUrls, pages: [strip(index), ...(child ? [strip(child)] : [])] }
}

/** Articles read through to fill the page cache past its bound (lib/cache/memory.ts), ~100 KB a page. */
const FILL_PAGES = 1500
const FILL_CONCURRENCY = 4

type HeavyStep = { label: string; requests: number; failed: number; seconds: number; peakMiB: number }
type HeavyWork = { heapLimitMiB: number; steps: HeavyStep[]; up: boolean; lastWords: string }

/** Peak RSS, or NaN for a server that died (out of memory): a zombie until reaped, it has no memory figures. */
function peakOrNaN(pid: number): number {
  try {
    return peakRssMiB(pid)
  } catch {
    return Number.NaN
  }
}

/**
 * The heaviest work one server does, in a row, under the heap limit `npm start` sets: the sitemap
 * past 50,000 URLs rendered, FILL_PAGES articles rendered and cached (the page cache filled past its
 * bound), the admin and the REST API's deepest public list, then the sitemap again (by then evicted
 * from a full cache). A request fails on a status of 400 or more or a dropped connection; the
 * server's peak RSS is read after each step.
 */
async function measureHeavyWork(largest: SizeResult, children: string[]): Promise<HeavyWork> {
  const server = await start(largest.dbFile, largest.distDir, path.dirname(largest.dbFile))
  const steps: HeavyStep[] = []
  const step = async (label: string, paths: string[], read?: (body: string) => void) => {
    const started = performance.now()
    const queue = [...paths]
    let failed = 0
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        try {
          const response = await fetch(`${server.base}${next}`, { redirect: 'manual' })
          const body = await response.text()
          if (response.status >= 400) failed++
          else read?.(body)
        } catch {
          failed++
        }
      }
    }
    await Promise.all(Array.from({ length: FILL_CONCURRENCY }, worker))
    steps.push({ label, requests: paths.length, failed, seconds: (performance.now() - started) / 1000, peakMiB: peakOrNaN(server.pid) })
  }
  try {
    const articles = new Set<string>()
    const sitemaps = ['/sitemap.xml', ...children]
    await step('the sitemap index and its children, uncached', sitemaps, (body) => {
      for (const [, url] of body.matchAll(/<loc>([^<]+\/blog\/(?!page\/)[^<]+)<\/loc>/g)) articles.add(new URL(url).pathname)
    })
    if (articles.size < FILL_PAGES) throw new Error(`the sitemaps list ${articles.size} articles; the heavy-work step needs ${FILL_PAGES}`)
    await step(`${FILL_PAGES} articles, each rendered and cached`, [...articles].slice(0, FILL_PAGES))
    await step('the admin login, the REST API (100 articles at depth 2)', ['/admin/login', '/api/articles?limit=100&depth=2'])
    await step('the sitemap again, among a full cache', sitemaps)
    const up = (await fetch(`${server.base}/health`).then((response) => response.status, () => 0)) === 200
    // Why it went down, when it did (V8 names a heap out of memory on its way out).
    const lastWords = up ? '' : readFileSync(server.logFile, 'utf8').split('\n').filter((line) => /FATAL|heap|memory|Error/i.test(line)).slice(0, 3).join(' / ')
    return { heapLimitMiB: serverHeapLimitMiB(), steps, up, lastWords }
  } finally {
    await stopAndWait(server)
  }
}

async function sitemapUrlCount(result: SizeResult): Promise<number | null> {
  const server = await start(result.dbFile, result.distDir, path.dirname(result.dbFile))
  try {
    const { body } = await timed(`${server.base}/sitemap.xml`)
    return (body.match(/<url>/g) ?? []).length
  } finally {
    await stopAndWait(server)
  }
}

function indexTable(queries: QueryReport) {
  const wanted: [string, string, string][] = [
    ['slug', 'articles', 'slug'],
    ['status', 'articles', '_status'],
    ['publishedAt', 'articles', 'published_at'],
    ['slug (versions)', '_articles_v', 'version_slug'],
    ['status (versions)', '_articles_v', 'version__status'],
    ['publishedAt (versions)', '_articles_v', 'version_published_at'],
  ]
  return wanted.map(([label, table, column]) => {
    const found = (queries.indexes[table] ?? []).filter((index) => index.columns[0] === column)
    return `| ${label} | \`${table}.${column}\` | ${found.length ? found.map((i) => `\`${i.name}\`${i.unique ? ' (unique)' : ''}`).join(', ') : '**none**'} |`
  })
}

export default async function scale(): Promise<string> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-scale-'))
  try {
    const results: SizeResult[] = []
    for (const size of SIZES) results.push(await measureSize(size, workDir))
    const largest = results[results.length - 1]
    const big = await measureBigSitemap(largest, workDir)
    const heavy = await measureHeavyWork(largest, big.children)

    const [small] = results
    const buildRatio = small.buildSeconds && largest.buildSeconds ? largest.buildSeconds / small.buildSeconds : null
    const labels = small.pages.map((page) => page.label.replace(/ \(.*\)$/, ''))
    const pageRows = labels.map((label, row) => {
      const cells = results.map((result) => {
        const page = result.pages[row]
        return `${page.status === 200 ? '' : `**${page.status}** `}${ms(page.uncached)} / ${ms(page.cachedMedian)} (${Math.round(page.bytes / 1024)} KiB) ${verdict(page)}`
      })
      return `| ${label} | ${cells.join(' | ')} |`
    })
    const seedRows = results.map(
      (r) =>
        `| ${r.size} | ${r.seed.published + 1} published, ${r.seed.drafts} drafts, ${r.seed.withHero} with a hero image (${r.seed.images} files), ${r.seed.topics} topics | ${r.seed.articleSeconds.toFixed(1)} s (${Math.round(r.seed.docsPerSecond)} articles/s, Local API) | ${r.buildSeconds === null ? 'skipped (SKIP_BUILD=1)' : `${r.buildSeconds.toFixed(1)} s`} |`,
    )
    const blogQuery = largest.queries.queries[0]
    const planRows = largest.queries.queries.flatMap((query) =>
      query.plans.map((plan) => `| ${query.label} | \`${plan.sql.slice(0, 110).replace(/\|/g, '\\|')}…\` | ${plan.plan.join('; ')} |`),
    )
    const pagesWithinTarget = results.flatMap((r) => r.pages).concat(big.pages)
    const missed = pagesWithinTarget.filter((page) => verdict(page) === 'NO')

    const slowest = (pages: PageResult[]) => {
      const uncached = Math.max(...pages.map((page) => page.uncached))
      const cached = Math.max(...pages.map((page) => page.cachedMedian))
      return `slowest ${ms(uncached)} uncached, ${ms(cached)} cached`
    }
    const heavyFailed = heavy.steps.reduce((sum, step) => sum + step.failed, 0)
    const heavyPeak = Math.max(...heavy.steps.map((step) => step.peakMiB).filter((peak) => !Number.isNaN(peak)))
    const markers = [
      targetMarker({
        target: `Scale: \`next build\` at ${largest.size} articles ≤ ${BUILD_RATIO_TARGET}× its time at ${small.size}`,
        result: buildRatio === null ? 'not measured (SKIP_BUILD=1)' : `${buildRatio.toFixed(2)}× (${largest.buildSeconds?.toFixed(0)} s against ${small.buildSeconds?.toFixed(0)} s)`,
        met: buildRatio !== null && buildRatio <= BUILD_RATIO_TARGET,
      }),
      targetMarker({
        target: `Scale: home, /blog/page/N, topic, article, sitemap and feed at ${results.map((r) => r.size).join(' and ')} articles < ${UNCACHED_TARGET_MS} ms uncached, < ${CACHED_TARGET_MS} ms cached`,
        result: slowest(results.flatMap((r) => r.pages)),
        met: results.flatMap((r) => r.pages).every((page) => verdict(page) === 'yes'),
      }),
      targetMarker({
        target: `Scale: /sitemap.xml (an index) and its child sitemaps at ${big.urlsBefore + big.added.topics} URLs < ${UNCACHED_TARGET_MS} ms uncached, < ${CACHED_TARGET_MS} ms cached`,
        result: slowest(big.pages),
        met: big.isIndex && big.pages.every((page) => verdict(page) === 'yes'),
      }),
      targetMarker({
        target: `Memory: the heaviest work under the server's heap limit (${heavy.heapLimitMiB} MiB, scripts/start.sh): the ${(big.urlsBefore + big.added.topics).toLocaleString('en')}-URL sitemap, ${FILL_PAGES} articles read through (page cache past its ${CACHE_MAX_MEMORY_BYTES / 2 ** 20} MiB bound), the admin; every request answered, the server up`,
        result: `peak RSS ${Number.isFinite(heavyPeak) ? `${Math.round(heavyPeak)} MiB` : 'not read (server gone)'}, ${heavyFailed} failed of ${heavy.steps.reduce((sum, step) => sum + step.requests, 0)}, ${heavy.up ? 'up' : '**down**'}`,
        met: heavyFailed === 0 && heavy.up,
      }),
    ]

    return [
      '## Scale (bench/scale.ts)',
      ...markers,
      '',
      `Sizes ${SIZES.join(' and ')} articles${MAX < 5000 ? ` (capped by BENCH_SCALE_MAX=${MAX})` : ''}, seeded by bench/seed-scale.ts through Payload's Local API (hooks, validation and a version row per article; \`disableRevalidate\`), on top of the first-start seed. Production build per size into its own cold dist folder; \`next start\` on the seeded SQLite file. **Uncached** = the first request to a freshly started server (Next's cache lives in memory and is expired at start-up, so the page renders from the database; Payload is already booted by a \`/health\` probe, and the page's route loads its code on this first request, next.config.ts's \`preloadEntriesOnStart\`); **cached** = median of the next ${CACHED_REQUESTS} (served whole from Next's cache). Targets: build at the large size ≤ ${BUILD_RATIO_TARGET}× at 100; pages < ${UNCACHED_TARGET_MS} ms uncached and < ${CACHED_TARGET_MS} ms cached.`,
      '',
      '| Articles | Seeded | Seed time | `next build` (cold) |',
      '| --- | --- | --- | --- |',
      ...seedRows,
      '',
      `Build ratio ${largest.size} / ${small.size}: ${buildRatio === null ? 'not measured' : `${buildRatio.toFixed(2)}× (target ≤ ${BUILD_RATIO_TARGET}×: ${buildRatio <= BUILD_RATIO_TARGET ? 'met' : 'MISSED'})`}. The build reads no articles (no page is prebuilt; each renders on its first request, lib/cache/static-params.ts), so this should be flat.`,
      '',
      `Each cell: uncached / cached median (response size), and whether both targets are met.`,
      '',
      `| Page | ${results.map((r) => `${r.size} articles`).join(' | ')} |`,
      `| --- | ${results.map(() => '---').join(' | ')} |`,
      ...pageRows,
      '',
      `**Sitemap past ${SITEMAP_MAX_URLS.toLocaleString('en')} URLs.** The ${largest.size}-article site's sitemap listed ${big.urlsBefore} URLs; ${big.added.topics} topics were added through the adapter (\`payload.db.create\`, one transaction, ${Math.round(big.added.docsPerSecond)} docs/s; topics are the cheapest page-bearing documents, lighter per URL than articles, which also load a hero image). /sitemap.xml is ${big.isIndex ? `a sitemap index of ${big.children.length} child sitemaps (first holds ${big.childUrls} URLs, last ${big.lastChildUrls})` : '**NOT a sitemap index**'}.`,
      '',
      '| Address | Status | Uncached | Cached median | Cached max | Size | Meets target |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...big.pages.map((p) => `| ${p.label} | ${p.status} | ${ms(p.uncached)} | ${ms(p.cachedMedian)} | ${ms(p.cachedMax)} | ${Math.round(p.bytes / 1024)} KiB | ${verdict(p)} |`),
      '',
      `**Memory under the heap limit.** Every server here starts as \`npm start\` starts it (scripts/start.sh: \`${serverMemoryEnv().NODE_OPTIONS}\`, \`MALLOC_ARENA_MAX=${serverMemoryEnv().MALLOC_ARENA_MAX}\`; the page cache's bound is ${CACHE_MAX_MEMORY_BYTES / 2 ** 20} MiB, lib/cache/memory.ts). One server on the ${largest.size}-article site with the big sitemap does the heaviest work it has, in a row, ${FILL_CONCURRENCY} requests at a time; peak RSS (VmHWM) after each step. The server ${heavy.up ? 'was up and answered /health at the end' : `**was down at the end**: ${heavy.lastWords || 'its log says nothing of why'}`}.`,
      '',
      '| Step | Requests | Failed | Time | Peak RSS so far |',
      '| --- | --- | --- | --- | --- |',
      ...heavy.steps.map((step) => `| ${step.label} | ${step.requests} | ${step.failed} | ${step.seconds.toFixed(1)} s | ${Number.isNaN(step.peakMiB) ? 'server gone' : `${Math.round(step.peakMiB)} MiB`} |`),
      '',
      `**Database indexes** (SQLite, \`PRAGMA index_list\`) against the issue's "indexes on slug, status, publishedAt":`,
      '',
      '| Field | Column | Index |',
      '| --- | --- | --- |',
      ...indexTable(largest.queries),
      '',
      `Query plans at ${largest.size} articles (\`EXPLAIN QUERY PLAN\` of the SQL Payload sends for the site's own query functions in lib/queries/, run outside Next; /blog/page/2 took ${ms(blogQuery.ms)} there in ${blogQuery.statements} statements):`,
      '',
      '| Query | SQL (start) | Plan |',
      '| --- | --- | --- |',
      ...planRows,
      '',
      missed.length === 0
        ? 'Every measured page met both latency targets.'
        : `Missed latency targets: ${missed.map((p) => `${p.path} (${ms(p.uncached)} / ${ms(p.cachedMedian)})`).join(', ')}.`,
    ].join('\n')
  } finally {
    removeBenchImages()
    rmSync(workDir, { recursive: true, force: true })
  }
}
