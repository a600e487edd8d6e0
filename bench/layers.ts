/**
 * Layers (issue 19): what each part of Wellpress's server costs a cached article, priced one layer
 * at a time on top of the floor (bench/floor/: Next's defaults, one prerendered page of the
 * article's HTML size). Each step is a copy of the floor with one more of Wellpress's own settings
 * (bench/_floor.ts `buildLayered`, bench/floor/config.ts), then the real app:
 *
 * floor → + security headers → + response settings (no ETag, no X-Powered-By, Next's trailing-slash
 * redirect off, metadata never streamed, expireTime) → + instrumentation.ts → + ISR (revalidate 60)
 * instead of static → + the cache handler (lib/cache/handler.js, in memory) → + proxy.ts's matcher →
 * + Payload started in the process → Wellpress.
 *
 * All servers run at once and take turns (bench/_measure.ts), so the machine's noise falls on all
 * alike; the price of a layer is its step's requests/s against the step before.
 * BENCH_DURATION (default 5 s per address per round), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32).
 * Builds Wellpress into .next-test-bench (TEST_DIST_DIR overrides; SKIP_BUILD=1 reuses it).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Layer } from './floor/config'
import { buildFloor, buildLayered, FLOOR_ARTICLE_PATH, FLOOR_DIR, floorEnv, htmlBytes, startApp, stopApp, type NextApp } from './_floor'
import { groupCpuMs, groupRssMiB, median, takeTurns, type Address } from './_measure'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)

const STEPS: { name: string; adds: string; layer: Layer }[] = [
  { name: '1-headers', adds: 'security headers (lib/security/headers.ts)', layer: 'headers' },
  { name: '2-settings', adds: 'response settings (no ETag, no X-Powered-By, skipTrailingSlashRedirect, htmlLimitedBots, expireTime)', layer: 'settings' },
  { name: '3-instrumentation', adds: 'instrumentation.ts (client address stamp, SIGTERM, response patches, start-up expiry)', layer: 'instrumentation' },
  { name: '4-isr', adds: 'ISR (revalidate 60) instead of static', layer: 'isr' },
  { name: '5-cache', adds: 'the cache handler (lib/cache/handler.js, in memory): with the start-up expiry, the page now renders once at run time', layer: 'cache' },
  { name: '6-proxy', adds: "proxy.ts and its matcher (the article's address not matched)", layer: 'proxy' },
  { name: '7-payload', adds: 'Payload started in the process (withPayload, config, SQLite)', layer: 'payload' },
]

export default async function layers(): Promise<string> {
  process.env.TEST_DIST_DIR ??= '.next-test-bench'
  const server = await import('../tests/http/server')
  const wellpress = await server.startServer()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'floor-layers-'))
  const apps: NextApp[] = []
  try {
    const articleUrl = `${wellpress.baseUrl}${FLOOR_ARTICLE_PATH}`
    const { filler, htmlBytes: floorBytes } = await buildFloor(await htmlBytes(articleUrl))
    // What Wellpress's own modules read from the environment (lib/config/env.ts), as the test server has it.
    const env = (step: string) =>
      floorEnv(filler, {
        DATABASE_URI: `file:${path.join(dataDir, `${step}.db`)}`,
        PAYLOAD_SECRET: 'http-test-secret-http-test-secret-0123',
        SITE_URL: server.TEST_SITE_URL,
        // Payload's seed reads its article from the working directory, the repository's; the floor has none.
        SEED: 'false',
      })
    const steps = [{ label: 'floor', adds: 'Next defaults, one prerendered page', appDir: FLOOR_DIR, env: floorEnv(filler) }]
    STEPS.forEach((step, index) => {
      const layered = STEPS.slice(0, index + 1).map((s) => s.layer)
      steps.push({ label: step.name, adds: step.adds, appDir: buildLayered(step.name, layered, filler, env(step.name)), env: env(step.name) })
    })
    const addresses: Address[] = []
    for (const step of steps) {
      const app = await startApp(step.appDir, step.env, { readyPath: FLOOR_ARTICLE_PATH })
      apps.push(app)
      addresses.push({ label: step.label, url: `${app.baseUrl}${FLOOR_ARTICLE_PATH}`, group: app.pid })
    }
    addresses.push({ label: 'Wellpress', url: articleUrl, group: wellpress.pid })
    const runs = await takeTurns(addresses, { rounds: ROUNDS, seconds: DURATION_S, connections: CONNECTIONS, warmupS: 2, tag: 'layers' })
    const rate = (label: string) => median(runs.get(label)!.rates)
    const floorRate = rate('floor')
    const rows = addresses.map((address, index) => {
      const tally = runs.get(address.label)!
      const previous = index === 0 ? null : rate(addresses[index - 1].label)
      const price = previous === null ? '–' : `${(((rate(address.label) - previous) / previous) * 100).toFixed(1)} %`
      const adds = index < steps.length ? steps[index].adds : 'the real app: its pages, layouts, CSS, queries, admin and API routes'
      return `| ${address.label} | ${adds} | ${rate(address.label).toFixed(0)} | ${(rate(address.label) / floorRate).toFixed(2)}× | ${price} | ${(tally.cpuMs / tally.requests).toFixed(2)} ms | ${groupRssMiB(address.group).toFixed(0)} MiB | ${tally.errors} |`
    })
    // Keeps the CPU reading honest: a server that died mid-run would have thrown in takeTurns.
    for (const address of addresses) groupCpuMs(address.group)
    return [
      '## Layers (bench/layers.ts)',
      '',
      `The cached article's requests/s on the floor (bench/floor/: Next 16.4.6 defaults, one prerendered page of ${floorBytes} bytes of HTML, Wellpress's article is ${await htmlBytes(articleUrl)}), then with Wellpress's layers added one at a time (each step keeps the ones before), then Wellpress itself. All under \`next start\` at once, taking turns: ${ROUNDS} rounds × ${DURATION_S} s per address, ${CONNECTIONS} connections (autocannon). Price = the step's requests/s against the step before (median over rounds); CPU per request = the server's user + system time over the requests it served; RSS = every process of the server after the run.`,
      '',
      '| Step | Adds | Req/s | Against the floor | Price of the layer | Server CPU per request | RSS after | Errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n')
  } finally {
    for (const app of apps) stopApp(app)
    server.stopServer(wellpress)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
