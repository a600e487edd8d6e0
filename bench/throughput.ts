/**
 * Throughput (issue 6): requests/s of Wellpress's article page under `next start` against a bare
 * Next.js app of the same version (bench/bare-next/) serving a static page of the same HTML size,
 * measured in the same run with autocannon on loopback. Target: ≥ 0.9×, 0 errors. Home is measured
 * the same way, against a bare static page of its own size; the bare one-line page shows what Next
 * serves at the least.
 *
 * Both servers run at once; the addresses take turns (ROUNDS rounds, each address DURATION_S
 * seconds per round, the same connections), so a noisy neighbour on the machine slows both sides
 * alike. The ratio is of the medians over the rounds.
 *
 * BENCH_DURATION (default 10 s per address per round), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32).
 * Builds Wellpress into .next-test-bench (TEST_DIST_DIR overrides; SKIP_BUILD=1 reuses it) and the
 * bare app into bench/bare-next/.next-bench (rebuilt only when the page sizes change).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { parse } from 'node-html-parser'

import { startNginx, stopNginx, type Nginx } from '../tests/nginx'
import { buildPagesOfSize, htmlBytes, startBareApp, stopBareApp } from './_bare-next'
import { targetMarker } from './_targets'

type AutocannonResult = {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  errors: number
  timeouts: number
  non2xx: number
}
// autocannon ships no types; this is the part of its programmatic API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string
  connections: number
  duration: number
  timeout?: number
}) => Promise<AutocannonResult>

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const WARMUP_S = 3
const TARGET_RATIO = 0.9
const ARTICLE_PATH = '/blog/massage-therapy-benefits-on-immune-function'

type Address = { label: string; url: string; group: number }
type Runs = { rates: number[]; p50: number[]; p99: number[]; errors: number; cpuMs: number; requests: number }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

async function run(url: string, seconds: number) {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 10 })
}

const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

/**
 * CPU time (user + system, ms) used so far by every process of a server's process group (`next
 * start` and the server it runs): CPU per request says what a request costs the server, whatever
 * else the machine is doing at the time.
 */
function groupCpuMs(group: number): number {
  const listed = spawnSync('ps', ['-o', 'pid=', '-g', String(group)], { encoding: 'utf8' })
  // ps exits 1 when it selects nothing.
  if (listed.status !== 0) throw new Error(`The server in process group ${group} is no longer running.`)
  const pids = listed.stdout.split('\n').map(Number).filter(Boolean)
  return pids.reduce((total, pid) => {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ')
      return total + ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S) * 1000
    } catch {
      return total // a process that ended between `ps` and the read
    }
  }, 0)
}

/** Milliseconds per request, one request at a time: the server's own cost, without queueing. */
async function serialLatency(url: string, requests = 30): Promise<number> {
  const times: number[] = []
  for (let index = 0; index < requests; index++) {
    const started = performance.now()
    await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()
    times.push(performance.now() - started)
  }
  return median(times)
}

/** The visible text of a page's <main>: the bare app's filler is made of these words. */
async function pageWords(url: string): Promise<string> {
  const main = parse(await (await fetch(url)).text()).querySelector('main')
  return (main?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** What the response says about how it was produced (cache state, Cache-Control). */
async function cacheHeaders(url: string): Promise<string> {
  const { headers } = await fetch(url)
  const shown = ['cache-control', 'x-nextjs-cache', 'x-nextjs-prerender', 'x-nextjs-stale-time', 'x-cache-status']
    .map((name) => (headers.get(name) ? `${name}: ${headers.get(name)}` : null))
    .filter(Boolean)
  return shown.length ? `\`${shown.join('`, `')}\`` : 'none'
}

export default async function throughput(): Promise<string> {
  process.env.TEST_DIST_DIR ??= '.next-test-bench'
  const server = await import('../tests/http/server')
  const wellpress = await server.startServer()
  let bare: Awaited<ReturnType<typeof startBareApp>> | null = null
  let bareRendered: Awaited<ReturnType<typeof startBareApp>> | null = null
  let nginx: Nginx | undefined
  try {
    const sizes = {
      article: await htmlBytes(`${wellpress.baseUrl}${ARTICLE_PATH}`),
      home: await htmlBytes(`${wellpress.baseUrl}/`),
    }
    const words = [await pageWords(`${wellpress.baseUrl}${ARTICLE_PATH}`), await pageWords(`${wellpress.baseUrl}/`)].join(' ')
    const bareSizes = await buildPagesOfSize(sizes, words)
    bare = await startBareApp()
    // The same bare build in the state every server that renders at run time is in (see
    // bench/bare-next/app/rendered/page.tsx): one page rendered, then the same static page.
    bareRendered = await startBareApp()
    const rendered = await fetch(`${bareRendered.baseUrl}/rendered`)
    if (rendered.status !== 200) throw new Error(`bare /rendered answered ${rendered.status}`)
    // docker-compose.yml's caching proxy in front of the same Wellpress server.
    nginx = await startNginx(wellpress.baseUrl)
    const pairs: { page: string; size: number; bareSize: number; wellpress: Address; bare: Address }[] = [
      {
        page: 'Article',
        size: sizes.article,
        bareSize: bareSizes.article,
        wellpress: { label: `Wellpress ${ARTICLE_PATH}`, url: `${wellpress.baseUrl}${ARTICLE_PATH}`, group: wellpress.pid },
        bare: { label: 'bare /static/article', url: `${bare.baseUrl}/static/article`, group: bare.pid },
      },
      {
        page: 'Home',
        size: sizes.home,
        bareSize: bareSizes.home,
        wellpress: { label: 'Wellpress /', url: `${wellpress.baseUrl}/`, group: wellpress.pid },
        bare: { label: 'bare /static/home', url: `${bare.baseUrl}/static/home`, group: bare.pid },
      },
    ]
    // Reported beside the target: the article against the bare page in the same state (one render
    // done), and through the caching proxy (nginx serves it; the group measured is nginx's).
    const articlePair = pairs[0]
    pairs.push(
      {
        page: 'Article, bare app after one run-time render',
        size: sizes.article,
        bareSize: bareSizes.article,
        wellpress: articlePair.wellpress,
        bare: { label: 'bare /static/article after one render', url: `${bareRendered.baseUrl}/static/article`, group: bareRendered.pid },
      },
      {
        page: 'Article through nginx (docker-compose.yml)',
        size: sizes.article,
        bareSize: bareSizes.article,
        wellpress: { label: `nginx → Wellpress ${ARTICLE_PATH}`, url: `${nginx.baseUrl}${ARTICLE_PATH}`, group: nginx.pid },
        bare: articlePair.bare,
      },
    )
    const oneLine: Address = { label: 'bare / (one line)', url: `${bare.baseUrl}/`, group: bare.pid }
    const addresses = [...new Map(pairs.flatMap((pair) => [pair.wellpress, pair.bare]).map((address) => [address.label, address])).values(), oneLine]

    console.log(`[throughput] warm-up ${WARMUP_S} s per address, then ${ROUNDS} rounds × ${addresses.length} addresses × ${DURATION_S} s at ${CONNECTIONS} connections`)
    for (const address of addresses) await run(address.url, WARMUP_S)
    const runs = new Map<string, Runs>(addresses.map((address) => [address.label, { rates: [], p50: [], p99: [], errors: 0, cpuMs: 0, requests: 0 }]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const address of addresses) {
        const cpuBefore = groupCpuMs(address.group)
        const result = await run(address.url, DURATION_S)
        const tally = runs.get(address.label)!
        tally.cpuMs += groupCpuMs(address.group) - cpuBefore
        tally.requests += result.requests.total
        tally.rates.push(result.requests.average)
        tally.p50.push(result.latency.p50)
        tally.p99.push(result.latency.p99)
        tally.errors += result.errors + result.timeouts + result.non2xx
        console.log(`[throughput] round ${round + 1} ${address.label}: ${result.requests.average.toFixed(0)} req/s, ${result.errors + result.timeouts + result.non2xx} errors`)
      }
    }
    const serial = new Map<string, number>()
    const headers = new Map<string, string>()
    for (const address of addresses) {
      serial.set(address.label, await serialLatency(address.url))
      headers.set(address.label, await cacheHeaders(address.url))
    }

    const rate = (address: Address) => median(runs.get(address.label)!.rates)
    const errorsOf = (address: Address) => runs.get(address.label)!.errors
    const ratioRows = pairs.map((pair) => {
      const ratio = rate(pair.wellpress) / rate(pair.bare)
      const errors = errorsOf(pair.wellpress) + errorsOf(pair.bare)
      const perRound = runs
        .get(pair.wellpress.label)!
        .rates.map((value, index) => (value / runs.get(pair.bare.label)!.rates[index]).toFixed(2))
        .join(', ')
      const verdict = pair === articlePair ? (ratio >= TARGET_RATIO && errors === 0 ? 'yes' : 'NO') : 'reported'
      return `| ${pair.page} (${kib(pair.size)} HTML; bare page ${kib(pair.bareSize)}) | ${rate(pair.wellpress).toFixed(0)} | ${rate(pair.bare).toFixed(0)} | **${ratio.toFixed(2)}×** (rounds: ${perRound}) | ${errors} | ${verdict} |`
    })
    const articleRatio = rate(articlePair.wellpress) / rate(articlePair.bare)
    const articleErrors = errorsOf(articlePair.wellpress) + errorsOf(articlePair.bare)
    const marker = targetMarker({
      target: `Throughput: an article page ≥ ${TARGET_RATIO}× the requests/s of a bare Next static page of the same size, 0 errors`,
      result: `${articleRatio.toFixed(2)}×, ${articleErrors} errors (through nginx: ${(rate(pairs[3].wellpress) / rate(articlePair.bare)).toFixed(1)}×)`,
      met: articleRatio >= TARGET_RATIO && articleErrors === 0,
    })
    const addressRows = addresses.map((address) => {
      const tally = runs.get(address.label)!
      return `| ${address.label} | ${tally.rates.map((value) => value.toFixed(0)).join(' / ')} | ${median(tally.p50)} ms | ${median(tally.p99)} ms | ${serial.get(address.label)!.toFixed(1)} ms | ${(tally.cpuMs / tally.requests).toFixed(2)} ms | ${tally.errors} | ${headers.get(address.label)} |`
    })

    return [
      '## Throughput (bench/throughput.ts)',
      '',
      `Production builds, both servers under \`next start\` (Next 16.4.6) on loopback, SQLite, the seeded site. autocannon, ${CONNECTIONS} connections, no compression asked; each address ${ROUNDS} × ${DURATION_S} s, taking turns (after a ${WARMUP_S} s warm-up each). The bare app (bench/bare-next/) serves static pages prerendered at build, whose text is the Wellpress pages' own words repeated to the same HTML length. Target: article ≥ ${TARGET_RATIO}× the bare page's requests/s, 0 errors. Ratio = median over rounds.`,
      '',
      '| Page | Wellpress req/s | Bare Next req/s | Ratio | Errors | Meets target |',
      '| --- | --- | --- | --- | --- | --- |',
      ...ratioRows,
      marker,
      '',
      `Reported beside the target: the same article against the same bare page on a second bare server that has rendered one page at run time (Node 20 then runs AsyncLocalStorage's async hooks on every later promise, as in any Next server that renders anything after its build, Wellpress included); and the article through docker-compose.yml's nginx (its CPU is nginx's). Every address: req/s per round; latency under load; one request at a time (median of 30: the time one request takes with the server otherwise idle); the server's CPU time (user + system, all its processes) per request under load, which other work on the machine does not inflate; the response headers that tell how it was produced.`,
      '',
      '| Address | Req/s per round | p50 | p99 | Serial latency | Server CPU per request | Errors | Headers |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...addressRows,
    ].join('\n')
  } catch (error) {
    // The servers' logs go with them: show their ends first, for why a run failed.
    if (nginx) console.error(`--- nginx ---\n${nginx.log().slice(-2000)}`)
    for (const log of [wellpress.logFile, bare?.logFile, bareRendered?.logFile]) {
      if (log) console.error(`--- end of ${log} ---\n${readFileSync(log, 'utf8').slice(-4000)}`)
    }
    throw error
  } finally {
    stopNginx(nginx)
    if (bare) stopBareApp(bare)
    if (bareRendered) stopBareApp(bareRendered)
    server.stopServer(wellpress)
  }
}
