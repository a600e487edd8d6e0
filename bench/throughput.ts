/**
 * Throughput (issues 6 and 19): requests/s of Wellpress's cached article page under `next start`
 * against the floor (bench/floor/: the same Next, its defaults, one page prerendered at build of the
 * article's HTML size and nothing else), measured in the same run with autocannon on loopback.
 * Target: ≥ 0.9×, 0 errors. bench/layers.ts says what each part of the gap costs.
 *
 * The floor's pages are all prerendered at build, so the floor never renders while it runs; a site
 * whose pages change does (Wellpress renders each page once after a start or a purge). On Node 20
 * the first render switches on promise hooks for the rest of the process's life (Next renders
 * inside AsyncLocalStorage), and every later promise pays for them, cached responses included. So
 * a second floor server renders one page (bench/floor/app/rendered) before it is measured: the
 * nearest floor a site that renders at run time can be held to, reported as its own target beside
 * the issue's.
 *
 * The servers run at once; the addresses take turns (ROUNDS rounds, each address DURATION_S
 * seconds per round, the same connections), so a noisy neighbour on the machine slows every side
 * alike. The ratio is of the medians over the rounds.
 *
 * BENCH_DURATION (default 10 s per address per round), BENCH_ROUNDS (5), BENCH_CONNECTIONS (32).
 * Builds Wellpress into .next-test-bench (TEST_DIST_DIR overrides; SKIP_BUILD=1 reuses it) and the
 * floor into bench/floor/.next-floor (rebuilt only when the article's size changes).
 */
import { readFileSync } from 'node:fs'

import { startNginx, stopNginx, type Nginx } from '../tests/nginx'
import { buildFloor, FLOOR_ARTICLE_PATH, FLOOR_DIR, floorEnv, htmlBytes, startApp, stopApp, type NextApp } from './_floor'
import { kib, median, takeTurns, type Address } from './_measure'
import { targetMarker } from './_targets'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const WARMUP_S = 3
const TARGET_RATIO = 0.9
const ARTICLE_PATH = FLOOR_ARTICLE_PATH

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

/** Renders the floor's one dynamic page once, so the floor is in the state a site that renders is in. */
async function renderOnce(app: NextApp) {
  const response = await fetch(`${app.baseUrl}/rendered`)
  const body = await response.text()
  if (response.status !== 200 || !body.includes('Rendered at run time')) {
    throw new Error(`the floor's /rendered answered ${response.status}, not the page rendered for the request`)
  }
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
  let floor: NextApp | null = null
  let renderedFloor: NextApp | null = null
  let nginx: Nginx | undefined
  try {
    const size = await htmlBytes(`${wellpress.baseUrl}${ARTICLE_PATH}`)
    const { filler, htmlBytes: floorSize } = await buildFloor(size)
    floor = await startApp(FLOOR_DIR, floorEnv(filler), { readyPath: FLOOR_ARTICLE_PATH })
    renderedFloor = await startApp(FLOOR_DIR, floorEnv(filler), { readyPath: FLOOR_ARTICLE_PATH })
    await renderOnce(renderedFloor)
    // docker-compose.yml's caching proxy in front of the same Wellpress server.
    nginx = await startNginx(wellpress.baseUrl)
    const article: Address = { label: `Wellpress ${ARTICLE_PATH}`, url: `${wellpress.baseUrl}${ARTICLE_PATH}`, group: wellpress.pid }
    const floorArticle: Address = { label: `floor ${FLOOR_ARTICLE_PATH}`, url: `${floor.baseUrl}${FLOOR_ARTICLE_PATH}`, group: floor.pid }
    const proxied: Address = { label: `nginx → Wellpress ${ARTICLE_PATH}`, url: `${nginx.baseUrl}${ARTICLE_PATH}`, group: nginx.pid }
    const oneLine: Address = { label: 'floor / (one line)', url: `${floor.baseUrl}/`, group: floor.pid }
    const renderedFloorArticle: Address = {
      label: `floor after one page rendered at run time ${FLOOR_ARTICLE_PATH}`,
      url: `${renderedFloor.baseUrl}${FLOOR_ARTICLE_PATH}`,
      group: renderedFloor.pid,
    }
    const addresses = [article, floorArticle, renderedFloorArticle, proxied, oneLine]
    const runs = await takeTurns(addresses, { rounds: ROUNDS, seconds: DURATION_S, connections: CONNECTIONS, warmupS: WARMUP_S, tag: 'throughput' })
    const serial = new Map<string, number>()
    const headers = new Map<string, string>()
    for (const address of addresses) {
      serial.set(address.label, await serialLatency(address.url))
      headers.set(address.label, await cacheHeaders(address.url))
    }

    const rate = (address: Address) => median(runs.get(address.label)!.rates)
    const errorsOf = (address: Address) => runs.get(address.label)!.errors
    const ratio = rate(article) / rate(floorArticle)
    const errors = errorsOf(article) + errorsOf(floorArticle)
    const perRound = runs
      .get(article.label)!
      .rates.map((value, index) => (value / runs.get(floorArticle.label)!.rates[index]).toFixed(2))
      .join(', ')
    const met = ratio >= TARGET_RATIO && errors === 0
    const marker = targetMarker({
      target: `Throughput: the cached article ≥ ${TARGET_RATIO}× the requests/s of the floor (bench/floor/, one prerendered page of the same size), 0 errors`,
      result: `${ratio.toFixed(2)}×, ${errors} errors (through nginx: ${(rate(proxied) / rate(floorArticle)).toFixed(1)}×)`,
      met,
    })
    const renderedRatio = rate(article) / rate(renderedFloorArticle)
    const renderedErrors = errorsOf(article) + errorsOf(renderedFloorArticle)
    const renderedMet = renderedRatio >= TARGET_RATIO && renderedErrors === 0
    const renderedPerRound = runs
      .get(article.label)!
      .rates.map((value, index) => (value / runs.get(renderedFloorArticle.label)!.rates[index]).toFixed(2))
      .join(', ')
    // What one render costs the floor itself: the part of the gap no site that renders can close.
    const renderCost = rate(renderedFloorArticle) / rate(floorArticle)
    const renderedMarker = targetMarker({
      target: `Throughput: the cached article ≥ ${TARGET_RATIO}× the requests/s of the floor after one page rendered at run time (the nearest floor for a site that renders), 0 errors`,
      result: `${renderedRatio.toFixed(2)}×, ${renderedErrors} errors (that floor: ${renderCost.toFixed(2)}× the floor that never rendered)`,
      met: renderedMet,
    })
    const addressRows = addresses.map((address) => {
      const tally = runs.get(address.label)!
      return `| ${address.label} | ${tally.rates.map((value) => value.toFixed(0)).join(' / ')} | ${median(tally.p50)} ms | ${median(tally.p99)} ms | ${serial.get(address.label)!.toFixed(1)} ms | ${(tally.cpuMs / tally.requests).toFixed(2)} ms | ${tally.errors} | ${headers.get(address.label)} |`
    })

    return [
      '## Throughput (bench/throughput.ts)',
      '',
      `Production builds, both under \`next start\` (Next 16.4.6) on loopback, SQLite, the seeded site. autocannon, ${CONNECTIONS} connections, no compression asked; each address ${ROUNDS} × ${DURATION_S} s, taking turns (after a ${WARMUP_S} s warm-up each). The floor (bench/floor/) is Next's defaults and one page prerendered at build, plain prose to the article's HTML length. Target: the article ≥ ${TARGET_RATIO}× the floor's requests/s, 0 errors. Ratio = median over rounds; bench/layers.ts prices each layer between the two.`,
      '',
      '| Page | Wellpress req/s | Floor req/s | Ratio | Errors | Meets target |',
      '| --- | --- | --- | --- | --- | --- |',
      `| Article (${kib(size)} HTML; floor page ${kib(floorSize)}) | ${rate(article).toFixed(0)} | ${rate(floorArticle).toFixed(0)} | **${ratio.toFixed(2)}×** (rounds: ${perRound}) | ${errors} | ${met ? 'yes' : 'NO'} |`,
      `| Article against the floor after one page rendered at run time | ${rate(article).toFixed(0)} | ${rate(renderedFloorArticle).toFixed(0)} | **${renderedRatio.toFixed(2)}×** (rounds: ${renderedPerRound}) | ${renderedErrors} | ${renderedMet ? 'yes' : 'NO'} |`,
      `| Article through nginx (docker-compose.yml) | ${rate(proxied).toFixed(0)} | ${rate(floorArticle).toFixed(0)} | ${(rate(proxied) / rate(floorArticle)).toFixed(1)}× | ${errorsOf(proxied)} | reported |`,
      marker,
      renderedMarker,
      '',
      `The floor that rendered one page (bench/floor/app/rendered, once, before the warm-up) serves the same cached page at ${renderCost.toFixed(2)}× the requests/s of the floor that never rendered: on Node 20 a process's first render (Next renders inside AsyncLocalStorage) switches on promise hooks that every later promise pays for. A site whose pages change renders at run time, Wellpress from its first request after a start or a purge, so that floor is the nearest one it can be held to.`,
      '',
      `Every address: req/s per round; latency under load; one request at a time (median of 30: the time one request takes with the server otherwise idle); the server's CPU time (user + system, all its processes; nginx's for the nginx row) per request under load, which other work on the machine does not inflate; the response headers that tell how it was produced.`,
      '',
      '| Address | Req/s per round | p50 | p99 | Serial latency | Server CPU per request | Errors | Headers |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...addressRows,
    ].join('\n')
  } catch (error) {
    // The servers' logs go with them: show their ends first, for why a run failed.
    if (nginx) console.error(`--- nginx ---\n${nginx.log().slice(-2000)}`)
    for (const log of [wellpress.logFile, floor?.logFile, renderedFloor?.logFile]) {
      if (log) console.error(`--- end of ${log} ---\n${readFileSync(log, 'utf8').slice(-4000)}`)
    }
    throw error
  } finally {
    stopNginx(nginx)
    if (floor) stopApp(floor)
    if (renderedFloor) stopApp(renderedFloor)
    server.stopServer(wellpress)
  }
}
