/**
 * The bare Next.js app (bench/bare-next/) that bench/throughput.ts and bench/client-js.ts measure
 * Wellpress against: built and served by the project's own `next` (same version, same React), with
 * no node_modules of its own. Its pages:
 * - `/`: one line of text (the least client JS any App Router page ships);
 * - `/static/<name>`: static pages prerendered at build time, each with as much filler text as makes
 *   its HTML as long as a given Wellpress page (`buildPagesOfSize`);
 * - `/replica` and `/replica-static.html`: a Wellpress page's own markup and stylesheet, under the
 *   bare app's scripts and as a plain file with none (`buildReplica`).
 *
 * Not a benchmark itself (the leading `_` keeps bench/run.ts from running it).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'


const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const appDir = path.join(repositoryRoot, 'bench', 'bare-next')
export const BARE_DIST_DIR = path.join(appDir, '.next-bench') // bench/bare-next/next.config.ts `distDir`
const nextBin = path.join(repositoryRoot, 'node_modules', '.bin', 'next')
/** What the last build prerendered: filler lengths and the HTML sizes they gave. */
const buildRecord = path.join(BARE_DIST_DIR, 'bench-pages.json')
// The replica's files (gitignored): written by `buildReplica`, read by app/replica/page.tsx at build.
const replicaDir = path.join(appDir, 'app', 'replica')
const replicaHtml = path.join(replicaDir, 'body.html')
const replicaCss = path.join(replicaDir, 'replica.css')
const publicDir = path.join(appDir, 'public')

export type BareApp = { baseUrl: string; pid: number; logFile: string }
type BuildRecord = { fillers: Record<string, number>; htmlBytes: Record<string, number>; words?: string }

const env = (fillers: Record<string, number>, words = ''): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  BARE_PAGE_SIZES: JSON.stringify(fillers),
  BARE_PAGE_WORDS: words,
  ...(existsSync(replicaHtml) ? { BARE_REPLICA_HTML: replicaHtml } : {}),
})

function build(fillers: Record<string, number>, words = '') {
  const started = Date.now()
  // app/replica/page.tsx imports the stylesheet: until a replica is written, an empty one.
  if (!existsSync(replicaCss)) writeFileSync(replicaCss, '')
  const result = spawnSync(nextBin, ['build', appDir], { env: env(fillers, words), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.status !== 0) throw new Error(`next build of bench/bare-next failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  console.log(`[bare-next] next build finished in ${Math.round((Date.now() - started) / 1000)} s (filler ${JSON.stringify(fillers)})`)
}

export async function startBareApp(): Promise<BareApp> {
  // Imported here, not at the top: tests/http/server reads TEST_DIST_DIR when first imported, which
  // each benchmark sets before it starts Wellpress.
  const { freePort } = await import('../tests/http/server')
  const port = await freePort()
  const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bare-next-')), 'server.log')
  // Detached: its own process group, so stopBareApp ends `next start` and the server it forks.
  const child = spawn(nextBin, ['start', appDir, '-p', String(port), '-H', '127.0.0.1'], {
    env: env({}),
    detached: true,
    stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
  })
  child.unref()
  const app: BareApp = { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid as number, logFile }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const status = await fetch(`${app.baseUrl}/`).then((response) => response.status, () => 0)
    if (status === 200) return app
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stopBareApp(app)
  throw new Error(`bench/bare-next did not answer within 60 s. Log:\n${readFileSync(logFile, 'utf8')}`)
}

export function stopBareApp(app: BareApp) {
  try {
    process.kill(-app.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  rmSync(path.dirname(app.logFile), { recursive: true, force: true })
}

/** Bytes of the page's HTML as `next start` sends it uncompressed (as autocannon asks for it). */
export async function htmlBytes(url: string): Promise<number> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return (await response.arrayBuffer()).byteLength
}

const TOLERANCE = 0.01

const readBuildRecord = (): BuildRecord | null => (existsSync(buildRecord) ? (JSON.parse(readFileSync(buildRecord, 'utf8')) as BuildRecord) : null)

const closeEnough = (record: BuildRecord | null, targets: Record<string, number>, words: string) =>
  record !== null &&
  (record.words ?? '') === words &&
  Object.entries(targets).every(([name, bytes]) => Math.abs((record.htmlBytes[name] ?? 0) - bytes) <= bytes * TOLERANCE)

/**
 * Builds the app so that `/static/<name>` has HTML of `targets[name]` bytes (within 1 %). The
 * filler is corrected from the sizes each build measures (Next writes the text twice, as HTML and
 * in the inline RSC payload, so a character of filler costs about two bytes); a build that already
 * matches is reused. `words`: the filler's vocabulary (the Wellpress pages' own text).
 */
export async function buildPagesOfSize(targets: Record<string, number>, words = ''): Promise<Record<string, number>> {
  let record = readBuildRecord()
  if (closeEnough(record, targets, words)) return record!.htmlBytes
  let fillers = Object.fromEntries(
    Object.entries(targets).map(([name, bytes]) => {
      const previous = record?.fillers[name] !== undefined && record.htmlBytes[name] !== undefined
      return [name, previous ? record!.fillers[name] + Math.round((bytes - record!.htmlBytes[name]) / 2) : Math.round((bytes - 8000) / 2)]
    }),
  )
  for (let attempt = 0; attempt < 4; attempt++) {
    fillers = Object.fromEntries(Object.entries(fillers).map(([name, length]) => [name, Math.max(0, length)]))
    build(fillers, words)
    const app = await startBareApp()
    try {
      const measured: Record<string, number> = {}
      for (const name of Object.keys(targets)) measured[name] = await htmlBytes(`${app.baseUrl}/static/${name}`)
      record = { fillers, htmlBytes: measured, words }
      writeFileSync(buildRecord, JSON.stringify(record))
    } finally {
      stopBareApp(app)
    }
    if (closeEnough(record, targets, words)) return record.htmlBytes
    fillers = Object.fromEntries(
      Object.entries(targets).map(([name, bytes]) => [name, fillers[name] + Math.round((bytes - record!.htmlBytes[name]) / 2)]),
    )
  }
  throw new Error(`bench/bare-next: could not size its pages to ${JSON.stringify(targets)} (last ${JSON.stringify(record?.htmlBytes)})`)
}

/**
 * A Wellpress page as the bare app serves it: `body` (the inside of its `<body>`) and `css` (its
 * stylesheet) become `/replica`, prerendered by the bare app with its own scripts, and
 * `/replica-static.html`, a plain file with the same markup and stylesheet and no script at all.
 * `title` is HTML (as the page's own `<title>` holds it). Rebuilds the app, keeping the sized
 * `/static` pages of the last build.
 */
export function buildReplica({ body, css, title }: { body: string; css: string; title: string }) {
  const record = readBuildRecord()
  writeFileSync(replicaHtml, body)
  writeFileSync(replicaCss, css)
  mkdirSync(publicDir, { recursive: true })
  writeFileSync(path.join(publicDir, 'replica-static.css'), css)
  writeFileSync(
    path.join(publicDir, 'replica-static.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/replica-static.css"><title>${title}</title><meta name="description" content="${title}"></head><body>${body}</body></html>`,
  )
  build(record?.fillers ?? {}, record?.words ?? '')
}

/** Builds the app unless a build exists (any page sizes: the one-line page is the same in all). */
export function ensureBuilt() {
  if (!existsSync(path.join(BARE_DIST_DIR, 'BUILD_ID'))) build({})
}
