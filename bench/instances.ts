/**
 * Several instances (issue 17): requests/s through nginx (docker-compose.yml's site, its page cache
 * off, so every request reaches an app instance) in front of
 * - one instance with the in-memory cache (no REDIS_URL: today's single server),
 * - one instance with the shared cache in Redis (REDIS_URL),
 * - two instances on one database and one Redis, balanced round robin by nginx,
 * for an article page and /blog, measured with wrk (Debian's; autocannon saturates first here).
 * The configurations take turns (ROUNDS rounds of DURATION_S seconds each), so a noisy neighbour
 * slows them alike; the table gives the median of the rounds.
 *
 * No target: the point is to see what a second instance buys on this machine, and what the shared
 * cache costs one instance. BENCH_DURATION (default 10 s), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32).
 * Builds into .next-test-bench (TEST_DIST_DIR overrides; SKIP_BUILD=1 reuses it).
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import os from 'node:os'

import type { Nginx } from '../tests/nginx'
import type { RedisServer } from '../tests/sharedServices'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const WRK = '/usr/bin/wrk'
const PAGES = ['/blog/massage-therapy-benefits-on-immune-function', '/blog']
const SECRET = 'bench-instances-secret-bench-instances-0123'

type Result = { rate: number; errors: number }

/** wrk's requests/s and its failed requests (socket errors and non-2xx/3xx answers). */
function wrk(url: string, seconds: number): Result {
  const output = execFileSync(WRK, ['-t', '2', '-c', String(CONNECTIONS), '-d', `${seconds}s`, url], { encoding: 'utf8' })
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN)
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0)
  if (!Number.isFinite(rate)) throw new Error(`wrk printed no rate:\n${output}`)
  return { rate, errors }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export default async function instances(): Promise<string> {
  if (!existsSync(WRK)) throw new Error(`No wrk at ${WRK}: apt-get install -y wrk`)
  // Before the test helpers load: they read the build folder once, at import.
  process.env.TEST_DIST_DIR ??= '.next-test-bench'
  const { buildApp, TEST_SITE_URL } = await import('../tests/http/server')
  const { startNginx, stopNginx } = await import('../tests/nginx')
  const { startRedis } = await import('../tests/sharedServices')
  const { startOwnServer, stopOwnServer, temporarySqliteUri } = await import('../tests/http/ownServer')
  const database = temporarySqliteUri()
  if (process.env.SKIP_BUILD !== '1') {
    buildApp({ ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URI: database.uri, PAYLOAD_SECRET: SECRET, SITE_URL: TEST_SITE_URL })
  }

  let redis: RedisServer | undefined
  const servers: Awaited<ReturnType<typeof startOwnServer>>[] = []
  const proxies: Nginx[] = []
  try {
    redis = await startRedis()
    const shared = { REDIS_URL: redis.url }
    // The first start migrates (and seeds) the database; the others start on it.
    const a = await startOwnServer(database.uri, { env: shared })
    const b = await startOwnServer(database.uri, { env: shared })
    const alone = await startOwnServer(database.uri)
    servers.push(a, b, alone)
    const configs = [
      { label: 'one instance, in-memory cache', nginx: await startNginx(alone.baseUrl, { cache: false }) },
      { label: 'one instance, cache in Redis', nginx: await startNginx(a.baseUrl, { cache: false }) },
      { label: 'two instances, cache in Redis', nginx: await startNginx([a.baseUrl, b.baseUrl], { cache: false }) },
    ]
    proxies.push(...configs.map((config) => config.nginx))

    for (const path of PAGES) {
      for (const server of servers) {
        const status = (await fetch(`${server.baseUrl}${path}`)).status
        if (status !== 200) throw new Error(`${path} answered ${status} on ${server.baseUrl}`)
      }
    }
    for (const config of configs) for (const path of PAGES) wrk(`${config.nginx.baseUrl}${path}`, 2)

    const loadBefore = os.loadavg()[0]
    const runs = new Map<string, Result[]>()
    for (let round = 0; round < ROUNDS; round++) {
      for (const path of PAGES) {
        for (const config of configs) {
          const result = wrk(`${config.nginx.baseUrl}${path}`, DURATION_S)
          const key = `${config.label}|${path}`
          runs.set(key, [...(runs.get(key) ?? []), result])
          console.log(`[instances] round ${round + 1} ${config.label} ${path}: ${result.rate.toFixed(0)} req/s, ${result.errors} errors`)
        }
      }
    }

    const rows = PAGES.map((path) => {
      const rate = (label: string) => median(runs.get(`${label}|${path}`)!.map((result) => result.rate))
      const errors = configs.reduce((sum, config) => sum + runs.get(`${config.label}|${path}`)!.reduce((total, result) => total + result.errors, 0), 0)
      const [memory, redisOne, redisTwo] = configs.map((config) => rate(config.label))
      return `| \`${path}\` | ${memory.toFixed(0)} | ${redisOne.toFixed(0)} | ${redisTwo.toFixed(0)} | ${(redisTwo / redisOne).toFixed(2)}× | ${errors} |`
    })
    const load = `${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`
    return [
      '## Several instances behind nginx (bench/instances.ts)',
      '',
      `Machine load (1-minute load average, before → after the measured rounds): ${load}. Above the core count, other work was competing for the CPU and the numbers say more about that than about the instances.`,
      '',
      `wrk, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${DURATION_S} s per configuration and page (median of the rounds), through docker-compose.yml's nginx site with its page cache off; every request reaches an app instance, which serves the page from Next's cache. ${os.cpus().length} CPU cores shared by wrk, nginx, Redis and the instances.`,
      '',
      '| Page | 1 instance, in-memory cache (req/s) | 1 instance, Redis cache (req/s) | 2 instances, Redis cache (req/s) | 2 vs 1 (Redis) | Failed requests |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      'No target. On a machine with as many cores as instances (plus room for nginx and Redis), a second instance adds about what one delivers: each `next start` is one Node process, bound to one core. Here, with 2 cores for everything, the instances, nginx, Redis and wrk itself compete for the same two: a second instance cannot double anything and may lose a little to the extra scheduling. The Redis column against the in-memory one is what sharing the cache costs a single instance: each cached page is fetched from Redis (two round trips on loopback, the entry and its tags) and deserialized, instead of read from the process\'s memory.',
    ].join('\n')
  } finally {
    for (const nginx of proxies) stopNginx(nginx)
    for (const server of servers) stopOwnServer(server)
    redis?.stop()
    database.cleanup()
  }
}
