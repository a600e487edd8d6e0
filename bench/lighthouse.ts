/**
 * Lighthouse: Google's audit of the production server's home, article and author pages, as a
 * phone sees them. Targets (issue 6): performance ≥ 98, accessibility 100, best practices 100,
 * SEO 100, CLS 0; LCP < 1.5 s with the throttling applied to the browser, and the article's simulated
 * LCP ≤ 1.0× that of its own HTML and CSS on bare Next (issue 19: see `lcpVerdict`).
 *
 * npm `lighthouse` (programmatic API) with Debian's Chromium, started by chrome-launcher with a
 * fresh profile for every run, the mobile preset (Lighthouse's defaults: a phone's screen,
 * simulated slow 4G and a 4× slower CPU). Each page is audited RUNS times (5; LIGHTHOUSE_RUNS
 * overrides): every score and metric in the table is the median of its runs, each taken on its own.
 * Every audit that lost points in any run is listed with the elements it names, so they can be fixed.
 *
 * The preset simulates its throttling: it loads the page at full speed, then replays that load on
 * a model of a slow phone. Each page is also loaded APPLIED_RUNS times (3; LIGHTHOUSE_APPLIED_RUNS
 * overrides) with the same throttling applied to the browser itself (`throttlingMethod: 'devtools'`),
 * so the LCP of a real slow load sits beside the simulated one (see the note the section prints).
 * Each simulated run also records what its LCP waited for: the scripts Lantern (the simulator)
 * counted before the paint and the request that ended last.
 *
 * References, audited the same way on the bare Next app (bench/bare-next/, same Next and React):
 * its one-line page; the article's own markup and stylesheet, copied from the running server and
 * prerendered by the bare app (`/replica`: Next's scripts only, none of Wellpress's); and the same
 * markup and stylesheet as a plain file with no script (`/replica-static.html`). Together they
 * separate what the page's content costs from what the framework's scripts cost.
 *
 * The server is `next build` + `next start` on an empty SQLite file (seeded with the therapist's
 * article, as on a fresh clone) with SITE_URL set to the server's real address
 * (http://127.0.0.1:<port>), not the test suites' https://wellpress.test: Lighthouse follows the
 * canonical link, robots.txt and the security headers of the address it audits, and SITE_URL
 * decides those (lib/security/headers.ts reads it at `next build`, so the build gets it too, with
 * its port chosen first). Its own build folder, .next-test-lighthouse (LIGHTHOUSE_DIST_DIR
 * overrides), because of that different SITE_URL; SKIP_BUILD=1 reuses the last one. Each page is
 * requested twice before the first audit, so every run sees Next's data cache filled, as visitors
 * after the first do. The JSON reports land in test-results/lighthouse/.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Result } from 'lighthouse'
// Lighthouse's own copy of Lantern (the simulator), whose last simulations say what the LCP waited for.
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium'
import { freePort, START_SCRIPT } from '../tests/http/server'
import { BARE_DIST_DIR, buildReplica, startBareApp, stopBareApp } from './_bare-next'
import { clientModulesByChunk } from './_chunks'
import { targetMarker } from './_targets'

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5)
const APPLIED_RUNS = Number(process.env.LIGHTHOUSE_APPLIED_RUNS ?? 3)
const DIST_DIR = process.env.LIGHTHOUSE_DIST_DIR || '.next-test-lighthouse'
const REPORT_DIR = path.resolve('test-results', 'lighthouse')
// The port the last build was made for (its SITE_URL), so SKIP_BUILD=1 serves on the same address.
const PORT_FILE = path.join(DIST_DIR, 'lighthouse-port')
const CHROMIUM_FLAGS = ['--headless=new', ...CHROMIUM_ARGS]

const PAGES = [
  { label: 'home', key: 'home', path: '/' },
  { label: 'article', key: 'article', path: '/blog/massage-therapy-benefits-on-immune-function' },
  { label: 'author', key: 'author', path: '/authors/janet' },
] as const
/** The page the references copy. */
const ARTICLE = PAGES[1]

const CATEGORIES = [
  { id: 'performance', title: 'Performance', target: 98 },
  { id: 'accessibility', title: 'Accessibility', target: 100 },
  { id: 'best-practices', title: 'Best practices', target: 100 },
  { id: 'seo', title: 'SEO', target: 100 },
] as const
const CLS_TARGET = 0
const LCP_TARGET_MS = 1500
const METRICS = [
  { id: 'first-contentful-paint', title: 'FCP' },
  { id: 'largest-contentful-paint', title: 'LCP' },
  { id: 'total-blocking-time', title: 'TBT' },
  { id: 'cumulative-layout-shift', title: 'CLS' },
  { id: 'speed-index', title: 'Speed Index' },
] as const
// Audits that score nothing: they never lose points, so they are not failures.
const UNSCORED = new Set(['notApplicable', 'informative', 'manual'])
const ITEMS_SHOWN = 8

type Server = { baseUrl: string; pid: number; dataDir: string; logFile: string }

function build(port: number, databaseUri: string) {
  const started = Date.now()
  const result = spawnSync('npx', ['next', 'build'], { env: serverEnv(port, databaseUri), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  writeFileSync(PORT_FILE, String(port))
  console.log(`[lighthouse] next build into ${DIST_DIR} finished in ${Math.round((Date.now() - started) / 1000)} s`)
}

function serverEnv(port: number, databaseUri: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: DIST_DIR,
    PAYLOAD_SECRET: 'lighthouse-secret-lighthouse-secret-0123',
    SITE_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    DATABASE_URI: databaseUri,
  }
  delete env.SEED
  return env
}

async function startServer(): Promise<Server> {
  const reuse = process.env.SKIP_BUILD === '1' && existsSync(PORT_FILE)
  const port = reuse ? Number(readFileSync(PORT_FILE, 'utf8')) : await freePort()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-lighthouse-'))
  const databaseUri = `file:${path.join(dataDir, 'wellpress.db')}`
  if (!reuse) {
    try {
      build(port, databaseUri)
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true })
      throw error
    }
  }
  const logFile = path.join(dataDir, 'server.log')
  const log = openSync(logFile, 'a')
  // Detached: its own process group, so stopping it stops everything it started.
  const child = spawn('sh', [START_SCRIPT, '-p', String(port), '-H', '127.0.0.1'], {
    env: serverEnv(port, databaseUri),
    detached: true,
    stdio: ['ignore', log, log],
  })
  child.unref()
  const server = { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid as number, dataDir, logFile }
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    const status = await fetch(`${server.baseUrl}/`, { redirect: 'manual' }).then(
      (response) => response.status,
      () => 0, // not listening yet
    )
    if (status === 200) return server
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  stopServer(server)
  throw new Error(`The server did not answer on port ${port} within 120 s. Log:\n${readFileSync(logFile, 'utf8')}`)
}

function stopServer(server: Server) {
  try {
    process.kill(-server.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  rmSync(server.dataDir, { recursive: true, force: true })
}

/**
 * What the simulated LCP waited for last: the request that ends last in Lantern's optimistic LCP
 * graph (the requests and tasks it counts before the LCP paint), and the scripts that graph holds.
 */
export type LcpWait = { file: string; kib: number; contents: string; scripts: number; scriptKiB: number }

/** A request's file and resource type → what it holds, for naming the file an LCP waited for. */
type ChunkContents = (file: string, resourceType?: string) => string

/** Lantern keeps each simulation's node timings by label (its debugging aid): the last LCP one. */
function lastLcpWait(describe: ChunkContents): LcpWait | undefined {
  const timings = Lantern.Simulation.Simulator.allNodeTimings.get('optimisticLargestContentfulPaint')
  if (!timings) return undefined
  let last: { url: string; bytes: number; end: number; resourceType?: string } | undefined
  let scripts = 0
  let scriptBytes = 0
  for (const [node, timing] of timings) {
    if (node.type !== 'network') continue
    const { url, transferSize, resourceType } = node.request
    if (resourceType === 'Script') {
      scripts++
      scriptBytes += transferSize
    }
    if (!last || timing.endTime > last.end) last = { url, bytes: transferSize, end: timing.endTime, resourceType }
  }
  if (!last) return undefined
  const file = new URL(last.url).pathname.split('/').pop() || '/'
  return { file, kib: last.bytes / 1024, contents: describe(file, last.resourceType), scripts, scriptKiB: scriptBytes / 1024 }
}

/**
 * One Lighthouse run in a Chromium of its own (fresh profile, so nothing cached between runs).
 * `applied`: performance only, with the preset's throttling applied to the browser, not simulated.
 */
async function audit(url: string, describe: ChunkContents, applied = false): Promise<{ lhr: Result; lcpWait?: LcpWait }> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-lighthouse-chromium-'))
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, userDataDir })
  try {
    Lantern.Simulation.Simulator.allNodeTimings.clear()
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: applied ? ['performance'] : CATEGORIES.map((category) => category.id),
      },
      applied ? { extends: 'lighthouse:default', settings: { throttlingMethod: 'devtools', onlyCategories: ['performance'] } } : undefined,
    )
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`)
    return { lhr: result.lhr, lcpWait: applied ? undefined : lastLcpWait(describe) }
  } finally {
    chrome.kill()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}

/** Names a build's chunks by the client modules in them (bench/client-js.ts lists them all). */
function chunkContents(distDir: string): ChunkContents {
  const modules = clientModulesByChunk(distDir)
  return (file, resourceType) => {
    if (resourceType !== 'Script') return resourceType === 'Document' ? 'the document' : resourceType === 'Stylesheet' ? 'the stylesheet' : (resourceType ?? 'other').toLowerCase()
    const inside = [...(modules.get(file) ?? [])]
    // The project's files are paths with an extension (components/ContactForm.tsx); packages, names.
    const own = inside.filter((name) => /\.[cm]?[jt]sx?$/.test(name))
    if (own.length) return `the app's own: ${own.join(', ')}`
    return inside.length ? `packages: ${inside.join(', ')}` : 'no client module: Next/Turbopack runtime or shared code'
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
/** A page's simulated LCP: the median of its runs. */
const medianLcp = (page: PageResult) => median(page.runs.map((run) => metric(run, 'largest-contentful-paint')))
const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100)
const metric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const formatMetric = (id: string, value: number) =>
  id === 'cumulative-layout-shift' ? value.toFixed(3) : id === 'total-blocking-time' ? `${Math.round(value)} ms` : seconds(value)
/** Inline Markdown code: no backticks, pipes or line breaks inside, and short. */
const code = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|').trim()
  return `\`${flat.length > max ? `${flat.slice(0, max)}…` : flat}\``
}

type Node = { type: 'node'; selector?: string; snippet?: string; nodeLabel?: string; explanation?: string }
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && (value as Node).type === 'node'

const shortNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) < 1 ? 3 : 0))

/** A table row that names no element: its URLs, texts and numbers, key by key. */
function describeRow(item: Record<string, unknown>): string {
  return Object.entries(item)
    .map(([key, value]) => {
      if (key === 'subItems' || key === 'protocolReason' || key === 'lhId') return ''
      if (typeof value === 'string' && value.length > 0) return code(value, 140)
      if (typeof value === 'number') return `${key} ${shortNumber(value)}`
      if (typeof value === 'object' && value !== null && 'url' in value && typeof value.url === 'string') return code(value.url, 140)
      if (typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string') return code(value.text, 140)
      return ''
    })
    .filter(Boolean)
    .join(' ')
}

type Chain = { url: string; navStartToEndTime: number; isLongest?: boolean; children?: Record<string, Chain> }

/** The longest request chain of a network tree, as `url (ms) → url (ms) …`. */
function longestChain(chains: Record<string, Chain>): string {
  const steps: string[] = []
  let level: Record<string, Chain> | undefined = chains
  while (level && Object.keys(level).length > 0) {
    const next: Chain = Object.values(level).find((chain) => chain.isLongest) ?? Object.values(level)[0]
    steps.push(`${next.url} (${Math.round(next.navStartToEndTime)} ms)`)
    level = next.children
  }
  return steps.length ? `longest chain: ${code(steps.join(' → '), 400)}` : ''
}

/** What an audit's details name: elements (selector + snippet), else URLs, failed checks, chains. */
function offenders(details: unknown): string[] {
  if (typeof details !== 'object' || details === null) return []
  const { type, items, value, chains } = details as { type?: string; items?: unknown; value?: unknown; chains?: Record<string, Chain> }
  if (type === 'list' && Array.isArray(items)) return items.flatMap(offenders)
  if (type === 'list-section') return offenders(value)
  if (type === 'network-tree' || type === 'criticalrequestchain') return [longestChain(chains ?? {})].filter(Boolean)
  if (type === 'checklist' && typeof items === 'object' && items !== null) {
    return Object.values(items as Record<string, { label: string; value: boolean }>)
      .filter((check) => check.value === false)
      .map((check) => `failed check: ${check.label}`)
  }
  if (!Array.isArray(items)) return []
  const found: string[] = []
  const visit = (item: Record<string, unknown>) => {
    const nodes = Object.values(item).filter(isNode)
    for (const node of nodes) {
      const parts = [node.selector ? code(node.selector, 120) : '', node.snippet ? code(node.snippet) : '']
      const why = node.explanation ? ` — ${node.explanation.replace(/\s+/g, ' ').slice(0, 220)}` : ''
      found.push(`${parts.filter(Boolean).join(' ')}${why}`)
    }
    if (nodes.length === 0) {
      const described = describeRow(item)
      if (described) found.push(described)
    }
    const subItems = (item.subItems as { items?: Record<string, unknown>[] } | undefined)?.items ?? []
    for (const sub of subItems) visit(sub)
  }
  for (const item of items) if (typeof item === 'object' && item !== null) visit(item as Record<string, unknown>)
  return found
}

type Failure = { id: string; category: string; title: string; failedRuns: number; detail: Result['audits'][string] }

/** Every audit of the four categories that lost points in some run; details from the median run. */
function failures(runs: Result[], medianRun: Result): Failure[] {
  const byId = new Map<string, Failure>()
  for (const run of runs) {
    for (const category of CATEGORIES) {
      for (const ref of run.categories[category.id]?.auditRefs ?? []) {
        const result = run.audits[ref.id]
        if (!result || UNSCORED.has(result.scoreDisplayMode)) continue
        const failed = result.scoreDisplayMode === 'error' || (result.score !== null && result.score < 1)
        if (!failed) continue
        const known = byId.get(ref.id)
        if (known) known.failedRuns++
        else byId.set(ref.id, { id: ref.id, category: category.title, title: result.title, failedRuns: 1, detail: result })
      }
    }
  }
  for (const failure of byId.values()) {
    const inMedian = medianRun.audits[failure.id]
    if (inMedian && inMedian.score !== null && inMedian.score < 1) failure.detail = inMedian
  }
  return [...byId.values()].sort((a, b) => a.category.localeCompare(b.category) || (a.detail.score ?? 0) - (b.detail.score ?? 0))
}

function describeFailure(failure: Failure): string[] {
  const { detail } = failure
  const value = detail.displayValue ? ` — ${detail.displayValue}` : ''
  const scored = detail.scoreDisplayMode === 'error' ? `error: ${detail.errorMessage ?? 'unknown'}` : `score ${detail.score}`
  const lines = [`- **${failure.category}** \`${failure.id}\`: ${detail.title}${value} (${scored}; lost points in ${failure.failedRuns}/${RUNS} runs)`]
  const named = offenders(detail.details)
  for (const entry of named.slice(0, ITEMS_SHOWN)) lines.push(`  - ${entry}`)
  if (named.length > ITEMS_SHOWN) lines.push(`  - … and ${named.length - ITEMS_SHOWN} more (test-results/lighthouse/)`)
  return lines
}

/** `headers`: the page's response headers that decide what Lighthouse's redirect and cache audits see. */
export type PageResult = {
  label: string
  /** Short and unique: names its JSON reports (`article-1.json`) and finds it among the results. */
  key: string
  path: string
  /** For a reference page (not Wellpress's): what it stands beside the real pages to show. */
  reference?: string
  runs: Result[]
  /** Per simulated run: what its LCP waited for last. */
  lcpWaits?: (LcpWait | undefined)[]
  medianRun: Result
  /** The same page with the throttling applied to the browser (no simulation). */
  appliedRuns: Result[]
  headers?: { criticalCh: string | null; cacheControl: string | null }
}

type NetworkRequest = { url: string; statusCode: number; resourceType?: string; transferSize: number; networkRequestTime?: number; networkEndTime?: number }
const requestsOf = (lhr: Result) => ((lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined)?.items ?? [])
/** Script bytes over the wire (compressed), the figure the simulated LCP depends on here. */
const scriptKiB = (lhr: Result) =>
  requestsOf(lhr).filter((request) => request.resourceType === 'Script').reduce((sum, request) => sum + request.transferSize, 0) / 1024
/** Chromium's internal redirect of a document to its own URL (a Critical-CH restart, HSTS…). */
const selfRedirect = (lhr: Result) => {
  const [first, second] = requestsOf(lhr)
  return Boolean(first && second && first.statusCode === 307 && first.url === second.url)
}
type ObservedMetrics = { observedFirstContentfulPaint?: number; observedLargestContentfulPaint?: number }
const observed = (lhr: Result) => ((lhr.audits.metrics?.details as { items?: ObservedMetrics[] } | undefined)?.items?.[0] ?? {})

/**
 * The LCP target (a team decision, issue 19): the preset's simulated LCP under 1.5 s is below
 * Next's own floor on this machine (the bare app's copy of the article misses it too). So: with the
 * throttling applied to the browser, LCP < 1.5 s; and the article's simulated LCP at most
 * REPLICA_RATIO× that of its own HTML and CSS on bare Next (`/replica`), the framework's floor for
 * that very page. The other pages have no copy of their own: their simulated LCP is reported.
 */
const REPLICA_RATIO = 1.0

function lcpVerdict(page: PageResult, results: PageResult[]): { met: boolean; text: string } {
  const applied = page.appliedRuns.length ? median(page.appliedRuns.map((run) => metric(run, 'largest-contentful-paint'))) : NaN
  const appliedMet = applied < LCP_TARGET_MS
  const replica = page.key === 'article' ? results.find((other) => other.key === 'replica') : undefined
  const ratio = replica ? medianLcp(page) / medianLcp(replica) : NaN
  const ratioMet = page.key !== 'article' || ratio <= REPLICA_RATIO
  const parts = [`applied ${Number.isNaN(applied) ? 'not measured' : seconds(applied)}${appliedMet ? '' : ' ✗'}`, `simulated ${seconds(medianLcp(page))}`]
  if (page.key === 'article') parts.push(`${Number.isNaN(ratio) ? 'no replica' : `${ratio.toFixed(2)}×`} the replica's${ratioMet ? '' : ' ✗'}`)
  return { met: appliedMet && ratioMet, text: parts.join(', ') }
}

const lcpTargetText = (page: PageResult) =>
  `LCP < ${seconds(LCP_TARGET_MS)} with the throttling applied${page.key === 'article' ? ` and simulated LCP ≤ ${REPLICA_RATIO.toFixed(1)}× that of its own HTML and CSS on bare Next` : ''}`

/** The page's line in bench/results.md's table of targets (none for the bare reference). */
function targetOf(page: PageResult, results: PageResult[]): string[] {
  if (page.reference) return []
  const scores = CATEGORIES.map((category) => median(page.runs.map((run) => score(run, category.id))))
  const cls = median(page.runs.map((run) => metric(run, 'cumulative-layout-shift')))
  const lcp = lcpVerdict(page, results)
  const met = CATEGORIES.every((category, index) => scores[index] >= category.target) && cls <= CLS_TARGET && lcp.met
  return [
    targetMarker({
      target: `Lighthouse (mobile) ${page.label}: performance ≥ 98, accessibility, best practices and SEO 100, CLS 0, ${lcpTargetText(page)}`,
      result: `${scores.join(' / ')}, CLS ${cls.toFixed(3)}, LCP ${lcp.text} (medians of ${page.runs.length} simulated and ${page.appliedRuns.length} applied runs)`,
      met,
    }),
  ]
}

function summaryRow(page: PageResult, results: PageResult[]): string {
  const scores = CATEGORIES.map((category) => median(page.runs.map((run) => score(run, category.id))))
  const cls = median(page.runs.map((run) => metric(run, 'cumulative-layout-shift')))
  const lcp = page.reference ? { met: true, text: `simulated ${seconds(medianLcp(page))}` } : lcpVerdict(page, results)
  const meets = [
    ...CATEGORIES.map((category, index) => (scores[index] >= category.target ? '' : category.title)),
    cls <= CLS_TARGET ? '' : 'CLS',
    lcp.met ? '' : 'LCP',
  ].filter(Boolean)
  const cells = CATEGORIES.map((category, index) => `${scores[index]}${scores[index] >= category.target ? '' : ' ✗'}`)
  const verdict = meets.length ? `NO (${meets.join(', ')})` : 'yes'
  return `| ${page.label} (${page.path}) | ${cells.join(' | ')} | ${cls.toFixed(3)}${cls <= CLS_TARGET ? '' : ' ✗'} | ${lcp.text} | ${page.reference ? `reference (${verdict})` : verdict} |`
}

function appliedRow(page: PageResult): string {
  const lcps = page.appliedRuns.map((run) => metric(run, 'largest-contentful-paint'))
  const simulated = medianLcp(page)
  const lcp = median(lcps)
  return `| ${page.label} | ${lcps.map(seconds).join(', ')} | ${seconds(lcp)}${lcp < LCP_TARGET_MS ? '' : ' ✗'} | ${seconds(simulated)} |`
}

function metricsRow(page: PageResult): string {
  const perfRuns = page.runs.map((run) => score(run, 'performance')).join(', ')
  const cells = METRICS.map((m) => formatMetric(m.id, median(page.runs.map((run) => metric(run, m.id)))))
  const lcpElement = offenders(page.medianRun.audits['largest-contentful-paint-element']?.details)[0] ?? '–'
  const fcpSeen = median(page.runs.map((run) => observed(run).observedFirstContentfulPaint ?? NaN))
  const lcpSeen = median(page.runs.map((run) => observed(run).observedLargestContentfulPaint ?? NaN))
  const scripts = requestsOf(page.medianRun).filter((request) => request.resourceType === 'Script').length
  const lcpRuns = page.runs.map((run) => seconds(metric(run, 'largest-contentful-paint'))).join(', ')
  return `| ${page.label} | ${cells.join(' | ')} | ${Math.round(fcpSeen)} / ${Math.round(lcpSeen)} ms | ${scriptKiB(page.medianRun).toFixed(1)} KiB in ${scripts} files | ${perfRuns} | ${lcpRuns} | ${lcpElement} |`
}

/** Per run: the simulated LCP, the scripts it counted, and the request it waited for last. */
function waitsRow(page: PageResult): string {
  const cells = page.runs.map((run, index) => {
    const wait = page.lcpWaits?.[index]
    if (!wait) return seconds(metric(run, 'largest-contentful-paint'))
    return `${seconds(metric(run, 'largest-contentful-paint'))}: ${wait.scripts} ${wait.scripts === 1 ? 'script' : 'scripts'} (${wait.scriptKiB.toFixed(1)} KiB), last \`${wait.file}\` ${wait.kib.toFixed(1)} KiB (${wait.contents})`
  })
  return `| ${page.label} | ${cells.join('<br>')} |`
}

export default async function lighthouseBench(): Promise<string> {
  const server = await startServer()
  mkdirSync(REPORT_DIR, { recursive: true })
  const results: PageResult[] = []
  let replica: Parameters<typeof buildReplica>[0]
  try {
    const wellpress = chunkContents(DIST_DIR)
    for (const page of PAGES) results.push(await auditPage({ ...page, url: `${server.baseUrl}${page.path}`, describe: wellpress }))
    replica = await copyOfPage(`${server.baseUrl}${ARTICLE.path}`)
  } finally {
    stopServer(server)
  }
  // The references, audited the same way, on the bare Next app (bench/bare-next/, same Next and
  // React): its least page, and the article's own markup and stylesheet with the bare app's
  // scripts and with none. What they score is what the framework allows on this machine.
  buildReplica(replica)
  const bare = await startBareApp()
  try {
    const describe = chunkContents(BARE_DIST_DIR)
    for (const page of REFERENCES) results.push(await auditPage({ ...page, url: `${bare.baseUrl}${page.path}`, describe }))
  } finally {
    stopBareApp(bare)
  }
  return formatSection(results, server.baseUrl)
}

const REFERENCES = [
  { label: 'bare Next one-line page (reference)', key: 'bare', path: '/', reference: 'the least page Next serves' },
  {
    label: "the article's HTML and CSS on bare Next (reference)",
    key: 'replica',
    path: '/replica',
    reference: "the article's own markup and stylesheet with only Next's scripts",
  },
  {
    label: "the article's HTML and CSS, no scripts (reference)",
    key: 'replica-static',
    path: '/replica-static.html',
    reference: 'the same markup and stylesheet as a plain file, with no script at all',
  },
]

/** The page's markup (inside `<body>`, scripts removed), title and stylesheets, for buildReplica. */
async function copyOfPage(url: string): Promise<Parameters<typeof buildReplica>[0]> {
  const html = await (await fetch(url)).text()
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1]
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1]
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? ''
  // The stylesheet as linked files, or (next.config.ts `inlineCss`) as <style> in the head: the
  // replica gets it as one file either way, as a bare Next app would serve it.
  const sheets = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1])
  const inline = [...head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1])
  if (!body || !title || sheets.length + inline.length === 0) throw new Error(`${url}: no body, title or stylesheet to copy`)
  const linked = await Promise.all(sheets.map(async (href) => (await fetch(new URL(href, url))).text()))
  return { body: body.replace(/<script\b[\s\S]*?<\/script>/g, ''), title, css: [...linked, ...inline].join('\n') }
}

type PageToAudit = { label: string; key: string; path: string; url: string; describe: ChunkContents; reference?: string }

/** RUNS audits of one page after two warming requests, and the run whose details are shown. */
async function auditPage({ label, key, path: pagePath, url, describe, reference }: PageToAudit): Promise<PageResult> {
  let headers: PageResult['headers']
  for (let warm = 0; warm < 2; warm++) {
    const response = await fetch(url, { redirect: 'manual' })
    if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status} before the audits began`)
    await response.arrayBuffer()
    headers = { criticalCh: response.headers.get('critical-ch'), cacheControl: response.headers.get('cache-control') }
  }
  const runs: Result[] = []
  const lcpWaits: (LcpWait | undefined)[] = []
  for (let run = 1; run <= RUNS; run++) {
    const { lhr, lcpWait } = await audit(url, describe)
    writeFileSync(path.join(REPORT_DIR, `${key}-${run}.json`), JSON.stringify(lhr))
    console.log(`[lighthouse] ${url} run ${run}/${RUNS}: ${CATEGORIES.map((c) => `${c.id} ${score(lhr, c.id)}`).join(', ')}, LCP ${Math.round(metric(lhr, 'largest-contentful-paint'))} ms`)
    runs.push(lhr)
    lcpWaits.push(lcpWait)
  }
  const appliedRuns: Result[] = []
  for (let run = 1; run <= APPLIED_RUNS; run++) {
    const { lhr } = await audit(url, describe, true)
    writeFileSync(path.join(REPORT_DIR, `${key}-applied-${run}.json`), JSON.stringify(lhr))
    console.log(`[lighthouse] ${url} applied throttling run ${run}/${APPLIED_RUNS}: LCP ${Math.round(metric(lhr, 'largest-contentful-paint'))} ms`)
    appliedRuns.push(lhr)
  }
  // The run whose performance score is the median: the one whose details are shown.
  const byPerformance = [...runs].sort((a, b) => score(a, 'performance') - score(b, 'performance'))
  return { label, key, path: pagePath, reference, runs, lcpWaits, medianRun: byPerformance[Math.floor((runs.length - 1) / 2)], appliedRuns, headers }
}

/** What the figures alone do not say: causes the reports and the response headers show. */
function notes(results: PageResult[]): string[] {
  const found: string[] = []
  const restarted = results.filter((page) => page.runs.some(selfRedirect))
  if (restarted.length) {
    const hints = [...new Set(restarted.map((page) => page.headers?.criticalCh).filter(Boolean))]
    found.push(
      `- **Redirect to itself**: on ${restarted.map((page) => page.label).join(', ')}, Chromium answered the first request for the document with an internal 307 to the same URL and requested it again (the \`redirects\` and \`document-latency-insight\` audits; one more round trip: median ${Math.round(median(restarted.flatMap((page) => page.runs.map((run) => metric(run, 'redirects')))))} ms in the simulation). ${hints.length ? `The pages answer with \`Critical-CH: ${hints.join(', ')}\`: a browser that did not send that client hint restarts the navigation to send it.` : 'The pages send no Critical-CH header; look at the JSON reports for the cause.'}`,
    )
  }
  // Simulated LCP over 1.5 s is explained even though the target no longer reads it (lcpVerdict).
  const late = results.filter((page) => !page.reference && medianLcp(page) >= LCP_TARGET_MS)
  if (late.length) {
    const detail = late.map((page) => {
      const run = page.medianRun
      const lcpSeen = observed(run).observedLargestContentfulPaint ?? NaN
      const scripts = requestsOf(run).filter((request) => request.resourceType === 'Script')
      const arrived = scripts.filter((request) => (request.networkEndTime ?? Infinity) <= lcpSeen)
      return `${page.label}: observed LCP ${Math.round(lcpSeen)} ms (FCP ${Math.round(observed(run).observedFirstContentfulPaint ?? NaN)} ms), ${arrived.length} of ${scripts.length} scripts downloaded before it`
    })
    const scriptEnds = late.flatMap((page) => requestsOf(page.medianRun).filter((request) => request.resourceType === 'Script').map((request) => request.networkEndTime ?? NaN))
    const arrival = `${Math.round(Math.min(...scriptEnds))}–${Math.round(Math.max(...scriptEnds))} ms`
    const byKey = (key: string) => results.find((page) => page.key === key)
    const lcpOf = (key: string) => {
      const page = byKey(key)
      return page ? `${seconds(medianLcp(page))} (runs ${page.runs.map((run) => seconds(metric(run, 'largest-contentful-paint'))).join(', ')})` : 'not measured'
    }
    const article = byKey('article')
    const replica = byKey('replica')
    const ratio = article && replica ? ` The article's LCP is ${(medianLcp(article) / medianLcp(replica)).toFixed(2)}× that of its own HTML and CSS on bare Next.` : ''
    found.push(
      `- **Simulated LCP**: the simulated LCP is over ${seconds(LCP_TARGET_MS)} on ${late.map((page) => page.label).join(', ')}. The simulation (Lantern) counts, before the LCP paint, every script that finished downloading and began to run before the paint it observed at full speed; a script that arrived earlier but ran after that paint is left out. ${detail.join('; ')} (median-performance run). Here the scripts arrive at ${arrival} over loopback, while a Wellpress page's first paint (one frame holds its FCP and LCP) waits for the stylesheet and a first layout whose font look-ups are synchronous calls to Chromium's browser process, slow on two busy cores. Which way that race goes decides the figure: the table above names, per run, the request the simulated LCP waited for last. The references measure the same page without Wellpress: the article's own HTML and CSS on the bare Next app (its scripts are Next's alone) get an LCP of ${lcpOf('replica')}; the same HTML and CSS as a plain file with no scripts get ${lcpOf('replica-static')}.${ratio} The table with the throttling applied shows what the same slow phone sees when the browser itself is slowed.`,
    )
  }
  const cacheControls = [...new Set(results.map((page) => page.headers?.cacheControl).filter(Boolean))]
  if (cacheControls.length) found.push(`- **Cache-Control** of the pages: ${cacheControls.map((value) => code(value ?? '')).join(', ')} (the \`bf-cache\` audit reads it).`)
  return found.length ? ['Notes:', ...found] : []
}

/** The Markdown section for bench/results.md (pure: also renders saved reports). */
export function formatSection(results: PageResult[], baseUrl: string): string {
  const first = results[0].runs[0]
  const environment = `Lighthouse ${first.lighthouseVersion}, ${first.environment.hostUserAgent.match(/HeadlessChrome\/[\d.]+/)?.[0] ?? 'Chromium'} (${CHROMIUM_PATH}), form factor ${first.configSettings.formFactor}, throttling ${first.configSettings.throttlingMethod} (${first.configSettings.throttling.rttMs} ms RTT, ${Math.round(first.configSettings.throttling.throughputKbps)} kbit/s, CPU ×${first.configSettings.throttling.cpuSlowdownMultiplier}); this machine's Lighthouse benchmark index ${median(results.flatMap((page) => page.runs.map((run) => run.environment.benchmarkIndex))).toFixed(0)}`
  return [
    '## Lighthouse (bench/lighthouse.ts)',
    '',
    `Production build (\`next start\`, SQLite, the seeded site) with SITE_URL set to the server's real address, \`${baseUrl}\` (not the tests' https://wellpress.test), so the canonical links, robots.txt and security headers Lighthouse checks are those of the address it audits. Mobile preset: ${environment}. ${RUNS} runs per page, each in a fresh Chromium profile after the page was requested twice (Next's data cache filled); every figure is the median of its runs. Targets: performance ≥ 98, accessibility 100, best practices 100, SEO 100, CLS 0; LCP < ${seconds(LCP_TARGET_MS)} with the throttling applied to the browser, and the article's simulated LCP ≤ ${REPLICA_RATIO.toFixed(1)}× that of its own HTML and CSS on bare Next (the replica below: simulated LCP < ${seconds(LCP_TARGET_MS)} is below Next's own floor on this machine). ✗ marks a miss.`,
    '',
    '| Page | Performance | Accessibility | Best practices | SEO | CLS | LCP | Meets targets |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map((page) => summaryRow(page, results)),
    ...results.flatMap((page) => targetOf(page, results)),
    ...(results.some((page) => page.reference)
      ? ['', 'The references are not Wellpress pages; they are audited the same way, to show what the framework allows here:', '', ...results.filter((page) => page.reference).map((page) => `- ${page.label} (${page.path}): ${page.reference}.`)]
      : []),
    '',
    'Metrics (medians; simulated mobile, except the observed paints, timed in the unthrottled page load the simulation starts from), the script bytes of the median run, the performance score of each run, and the LCP element:',
    '',
    `| Page | ${METRICS.map((m) => m.title).join(' | ')} | Observed FCP / LCP (unthrottled) | JS transferred | Performance per run | LCP per run | LCP element |`,
    `| --- | ${METRICS.map(() => '---').join(' | ')} | --- | --- | --- | --- | --- |`,
    ...results.map(metricsRow),
    '',
    "What each simulated LCP counted and waited for (Lantern's optimistic LCP graph: the scripts it holds, and the request that ends last, with the client modules the build put in it):",
    '',
    '| Page | Per run: LCP, scripts counted, last request |',
    '| --- | --- |',
    ...results.filter((page) => page.lcpWaits?.some(Boolean)).map(waitsRow),
    ...(results.some((page) => page.appliedRuns.length > 0)
      ? [
          '',
          `LCP with the same throttling applied to the browser (\`throttlingMethod: 'devtools'\`: the page really loads over the throttled connection with the CPU slowed, and LCP is what the browser saw, not a replay), ${APPLIED_RUNS} runs per page; the figure the LCP target reads (< ${seconds(LCP_TARGET_MS)}), beside the simulated one:`,
          '',
          '| Page | LCP per run (applied) | Median (applied) | Simulated median |',
          '| --- | --- | --- | --- |',
          ...results.filter((page) => page.appliedRuns.length > 0).map(appliedRow),
        ]
      : []),
    ...(notes(results).length ? ['', ...notes(results)] : []),
    '',
    `Audits that lost points (in any run; details from the median-performance run; JSON reports in test-results/lighthouse/):`,
    ...results.flatMap((page) => {
      const failed = failures(page.runs, page.medianRun)
      // URLs as paths: the origin is the one above.
      const lines = failed.flatMap(describeFailure).map((line) => line.replaceAll(baseUrl, ''))
      return ['', `**${page.label}** (${page.path}): ${failed.length === 0 ? 'none.' : `${failed.length} audits`}`, ...(lines.length ? ['', ...lines] : [])]
    }),
  ].join('\n')
}
