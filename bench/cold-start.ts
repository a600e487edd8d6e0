/**
 * Cold start (issue 19): from `next start` to the first page served, and to the first article
 * rendered from the database (every page is uncached at start-up: lib/cache/startup.ts), for
 * Wellpress on a database that is already migrated and seeded (an ordinary restart), beside the
 * floor (bench/floor/: the first request of its one-line page, then of its prerendered article).
 * The very first start on an empty database (migrations and the seed run then) is reported apart.
 *
 * Each server is started RUNS times (default 3; BENCH_RUNS), one at a time; medians. "First page":
 * `/` polled every 25 ms from the moment `next start` is spawned until it answers 200.
 * Builds Wellpress into .next-test-bench (TEST_DIST_DIR overrides; SKIP_BUILD=1 reuses it).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ensureFloorBuilt, FLOOR_ARTICLE_PATH, FLOOR_DIR, floorEnv, startApp, stopApp } from './_floor'
import { median, rssMiB, serverPid } from './_measure'
import { targetMarker } from './_targets'

const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

type ColdStart = { firstPageMs: number; articleMs: number; articleRenderMs: number; rssMiB: number }

/** Spawns `next start`, polls `/` until it answers 200, then asks for the article once. */
async function coldStart(appDir: string, env: NodeJS.ProcessEnv, articlePath: string): Promise<ColdStart> {
  const app = await startApp(appDir, env, { readyPath: null })
  try {
    const deadline = Date.now() + 180_000
    let firstPageMs = NaN
    while (Date.now() < deadline) {
      const status = await fetch(`${app.baseUrl}/`).then(
        async (response) => (await response.arrayBuffer(), response.status),
        () => 0,
      )
      if (status === 200) {
        firstPageMs = performance.now() - app.startedAt
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    if (Number.isNaN(firstPageMs)) throw new Error(`${appDir}: / did not answer 200 within 180 s`)
    const asked = performance.now()
    const article = await fetch(`${app.baseUrl}${articlePath}`)
    await article.arrayBuffer()
    if (article.status !== 200) throw new Error(`${articlePath} answered ${article.status}`)
    const done = performance.now()
    return { firstPageMs, articleMs: done - app.startedAt, articleRenderMs: done - asked, rssMiB: rssMiB(serverPid(app.pid)) }
  } finally {
    stopApp(app)
    // The next run's port and database must be free of this one.
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

function summary(runs: ColdStart[]) {
  return {
    firstPageMs: median(runs.map((run) => run.firstPageMs)),
    articleMs: median(runs.map((run) => run.articleMs)),
    articleRenderMs: median(runs.map((run) => run.articleRenderMs)),
    rssMiB: median(runs.map((run) => run.rssMiB)),
  }
}

export default async function coldStartBench(): Promise<string> {
  process.env.TEST_DIST_DIR ??= '.next-test-bench'
  const server = await import('../tests/http/server')
  // Builds (unless SKIP_BUILD=1), migrates and seeds a database: its first start is the empty-database one.
  const first = await server.startServer()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-cold-'))
  try {
    server.stopServer(first)
    ensureFloorBuilt()
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: server.distDir(),
      DATABASE_URI: `file:${path.join(dataDir, 'wellpress.db')}`,
      PAYLOAD_SECRET: 'http-test-secret-http-test-secret-0123',
      SITE_URL: server.TEST_SITE_URL,
    }
    delete env.SEED
    // The first start on this empty file migrates and seeds; the others are ordinary restarts.
    const empty = await coldStart(repositoryRoot, env, FLOOR_ARTICLE_PATH)
    const wellpressRuns: ColdStart[] = []
    const floorRuns: ColdStart[] = []
    for (let run = 0; run < RUNS; run++) {
      wellpressRuns.push(await coldStart(repositoryRoot, env, FLOOR_ARTICLE_PATH))
      floorRuns.push(await coldStart(FLOOR_DIR, floorEnv(0), FLOOR_ARTICLE_PATH))
      console.log(`[cold-start] run ${run + 1}: Wellpress ${s(wellpressRuns.at(-1)!.firstPageMs)} / ${s(wellpressRuns.at(-1)!.articleMs)}, floor ${s(floorRuns.at(-1)!.firstPageMs)}`)
    }
    const ours = summary(wellpressRuns)
    const floor = summary(floorRuns)
    return [
      '## Cold start (bench/cold-start.ts)',
      '',
      `\`next start\` spawned → \`/\` answering 200 (polled every 25 ms) → the article asked once (uncached: rendered from the database). Median of ${RUNS} starts each, one server at a time; Wellpress on an already migrated and seeded SQLite file (a restart), the floor (bench/floor/) prerendered. Reported, no target.`,
      '',
      targetMarker({
        target: 'Cold start: `npm start` to the first page served, and to the first uncached article rendered, reported beside the floor',
        result: `${s(ours.firstPageMs)} and ${s(ours.articleMs)} (floor: ${s(floor.firstPageMs)} and ${s(floor.articleMs)})`,
        met: true,
      }),
      '',
      '| Server | Start → first page (`/`) | Start → article served | The article request alone | RSS then |',
      '| --- | --- | --- | --- | --- |',
      `| Wellpress (restart) | ${s(ours.firstPageMs)} | ${s(ours.articleMs)} | ${s(ours.articleRenderMs)} | ${ours.rssMiB.toFixed(0)} MiB |`,
      `| Wellpress, first start on an empty database (migrations, seed) | ${s(empty.firstPageMs)} | ${s(empty.articleMs)} | ${s(empty.articleRenderMs)} | ${empty.rssMiB.toFixed(0)} MiB |`,
      `| Floor | ${s(floor.firstPageMs)} | ${s(floor.articleMs)} | ${s(floor.articleRenderMs)} | ${floor.rssMiB.toFixed(0)} MiB |`,
    ].join('\n')
  } finally {
    server.stopServer(first)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
