/**
 * The floor (bench/floor/, issue 19): the least a Next.js server of this version does to serve a
 * page, measured beside Wellpress in the same run. The same `next` and React as the project (it has
 * no node_modules of its own), Next's defaults, two pages:
 * - `/`: one line of text (the least client JS an App Router page ships: bench/client-js.ts);
 * - `/blog/<slug>`: one page prerendered at build, plain ASCII prose sized so that its HTML is as
 *   long as the Wellpress article's (bench/throughput.ts, bench/load.ts).
 *
 * `buildLayered` makes copies of it with Wellpress's own settings added one at a time
 * (bench/floor/config.ts lists them), so bench/layers.ts can price each layer.
 *
 * Not a benchmark itself (the leading `_` keeps bench/run.ts from running it).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { freePort } from '../tests/http/server'
import type { Layer } from './floor/config'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const FLOOR_DIR = path.join(repositoryRoot, 'bench', 'floor')
/** The layered copies (gitignored), one folder per step. */
const LAYERS_DIR = path.join(FLOOR_DIR, '.layers')
const DIST = '.next-floor' // bench/floor/config.ts `distDir`
const nextBin = path.join(repositoryRoot, 'node_modules', '.bin', 'next')
export const ARTICLE_SLUG = 'massage-therapy-benefits-on-immune-function'
export const FLOOR_ARTICLE_PATH = `/blog/${ARTICLE_SLUG}`

export type NextApp = { baseUrl: string; pid: number; logFile: string; startedAt: number }
type BuildRecord = { filler: number; htmlBytes: number; layers: Layer[]; sources?: string }

/** What every build and server of the floor and its copies is given. */
export function floorEnv(filler: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    FLOOR_SLUG: ARTICLE_SLUG,
    FLOOR_FILLER: String(filler),
    ...extra,
  }
}

function build(appDir: string, env: NodeJS.ProcessEnv) {
  const started = Date.now()
  // From its own folder: Next loads next.config.ts's relative imports from the working directory.
  const result = spawnSync(nextBin, ['build', '.'], { cwd: appDir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.status !== 0) throw new Error(`next build of ${path.relative(repositoryRoot, appDir)} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  console.log(`[floor] next build of ${path.relative(repositoryRoot, appDir)} finished in ${Math.round((Date.now() - started) / 1000)} s`)
}

/**
 * `next start` for an app folder on a free port, detached (its own process group, so `stopApp`
 * ends it and the server it forks), answered once `readyPath` returns 200. `startedAt`: when it was
 * spawned, for cold-start timings. `readyPath: null`: returns at once, without waiting.
 */
export async function startApp(
  appDir: string,
  env: NodeJS.ProcessEnv,
  { readyPath = '/', timeoutMs = 120_000 }: { readyPath?: string | null; timeoutMs?: number } = {},
): Promise<NextApp> {
  const port = await freePort()
  const logFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'floor-next-')), 'server.log')
  const startedAt = performance.now()
  const child = spawn(nextBin, ['start', '.', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
  })
  child.unref()
  const app: NextApp = { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid as number, logFile, startedAt }
  if (readyPath === null) return app
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const status = await fetch(`${app.baseUrl}${readyPath}`).then((response) => response.status, () => 0)
    if (status === 200) return app
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  stopApp(app)
  throw new Error(`${appDir} did not answer within ${timeoutMs / 1000} s. Log:\n${readFileSync(logFile, 'utf8')}`)
}

export function stopApp(app: NextApp) {
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

const recordFile = (appDir: string) => path.join(appDir, DIST, 'floor-build.json')
const readRecord = (appDir: string): BuildRecord | null => (existsSync(recordFile(appDir)) ? (JSON.parse(readFileSync(recordFile(appDir), 'utf8')) as BuildRecord) : null)
const TOLERANCE = 0.01
const closeEnough = (measured: number, target: number) => Math.abs(measured - target) <= target * TOLERANCE

/**
 * Builds the floor so that its article page has `targetBytes` of HTML (within 1 %); a build that
 * already does is reused. Next writes the text twice (as HTML and in the inline RSC payload), so a
 * character of filler costs about two bytes: each build corrects the filler from what it measured.
 * Returns the filler used (the layered copies reuse it) and the HTML size it gave.
 */
export async function buildFloor(targetBytes: number): Promise<{ filler: number; htmlBytes: number }> {
  let record = readRecord(FLOOR_DIR)
  if (record && closeEnough(record.htmlBytes, targetBytes)) return record
  let filler = record ? record.filler + Math.round((targetBytes - record.htmlBytes) / 2) : Math.max(0, Math.round((targetBytes - 6000) / 2))
  for (let attempt = 0; attempt < 4; attempt++) {
    build(FLOOR_DIR, floorEnv(filler))
    const app = await startApp(FLOOR_DIR, floorEnv(filler))
    try {
      record = { filler, htmlBytes: await htmlBytes(`${app.baseUrl}${FLOOR_ARTICLE_PATH}`), layers: [] }
      writeFileSync(recordFile(FLOOR_DIR), JSON.stringify(record))
    } finally {
      stopApp(app)
    }
    if (closeEnough(record.htmlBytes, targetBytes)) return record
    filler = Math.max(0, filler + Math.round((targetBytes - record.htmlBytes) / 2))
  }
  throw new Error(`bench/floor: could not size its article page to ${targetBytes} bytes (last ${record?.htmlBytes})`)
}

/** Builds the floor unless a build exists (any size: the one-line page is the same in all). */
export function ensureFloorBuilt() {
  if (!existsSync(path.join(FLOOR_DIR, DIST, 'BUILD_ID'))) build(FLOOR_DIR, floorEnv(0))
}

/** What a layered copy compiles in from the repository (its config, instrumentation, proxy, Payload). */
const LAYER_SOURCES = ['bench/floor/app', 'bench/floor/config.ts', 'collections', 'lib', 'instrumentation.ts', 'proxy.ts', 'payload.config.ts', 'next.config.ts']

/**
 * A digest of LAYER_SOURCES' contents: a layered build is reused only while they are unchanged.
 * Taken once per run (the sources do not change while the copies build).
 */
let sourcesDigest: string | undefined
function layerSourcesDigest(): string {
  if (sourcesDigest) return sourcesDigest
  const hash = createHash('sha256')
  const add = (relative: string) => {
    const absolute = path.join(repositoryRoot, relative)
    if (!existsSync(absolute)) return
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) add(path.join(relative, entry))
      return
    }
    hash.update(`${relative}\0`).update(readFileSync(absolute)).update('\0')
  }
  for (const source of LAYER_SOURCES) add(source)
  sourcesDigest = hash.digest('hex')
  return sourcesDigest
}

const relativeToRoot = (appDir: string, file: string) => path.relative(appDir, path.join(repositoryRoot, file)).split(path.sep).join('/')

/**
 * proxy.ts's `config.matcher` as written there (Next reads it from the file at build, unevaluated):
 * a string literal or an array literal of them and objects, copied up to its closing bracket.
 */
function proxyMatcher(): string {
  const source = readFileSync(path.join(repositoryRoot, 'proxy.ts'), 'utf8')
  const start = /matcher:\s*/.exec(source)
  if (!start) throw new Error('proxy.ts: no config.matcher found')
  const from = start.index + start[0].length
  if (source[from] === "'") return /^'(?:[^'\\]|\\.)*'/.exec(source.slice(from))?.[0] ?? ''
  let depth = 0
  let quoted = false
  for (let index = from; index < source.length; index++) {
    const char = source[index]
    if (quoted) {
      if (char === '\\') index++
      else if (char === "'") quoted = false
    } else if (char === "'") quoted = true
    else if (char === '[' || char === '{') depth++
    else if ((char === ']' || char === '}') && --depth === 0) return source.slice(from, index + 1)
  }
  throw new Error('proxy.ts: config.matcher is neither a string nor an array literal')
}

/**
 * A copy of the floor with `layers` added, in bench/floor/.layers/<name>/, built with the given
 * filler (a build with the same layers, filler and Wellpress sources is reused). The file layers:
 * - instrumentation: Wellpress's own instrumentation.ts `register` (client address stamp, SIGTERM,
 *   response patches, start-up cache expiry);
 * - isr: the layout's `revalidate = 60`, as app/(frontend)/layout.tsx;
 * - proxy: Wellpress's proxy.ts with its matcher (the article's address is not matched: what
 *   remains is Next checking the pattern);
 * - payload: the instrumentation also starts Payload (config, database connection) in the process,
 *   and the config is wrapped in withPayload.
 */
export function buildLayered(name: string, layers: Layer[], filler: number, env: NodeJS.ProcessEnv = floorEnv(filler)): string {
  const appDir = path.join(LAYERS_DIR, name)
  const record = readRecord(appDir)
  const sources = layerSourcesDigest()
  if (
    record &&
    record.filler === filler &&
    record.sources === sources &&
    JSON.stringify(record.layers) === JSON.stringify(layers) &&
    existsSync(path.join(appDir, DIST, 'BUILD_ID'))
  )
    return appDir
  rmSync(appDir, { recursive: true, force: true })
  mkdirSync(appDir, { recursive: true })
  cpSync(path.join(FLOOR_DIR, 'app'), path.join(appDir, 'app'), { recursive: true })
  const tsconfig = JSON.parse(readFileSync(path.join(FLOOR_DIR, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> }
  if (layers.includes('payload')) tsconfig.compilerOptions.paths = { '@payload-config': [relativeToRoot(appDir, 'payload.config.ts')] }
  writeFileSync(path.join(appDir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
  writeFileSync(
    path.join(appDir, 'next.config.ts'),
    `import { floorConfig } from '${relativeToRoot(appDir, 'bench/floor/config')}'\n\nexport default floorConfig(${JSON.stringify(layers)})\n`,
  )
  if (layers.includes('isr')) {
    const layout = path.join(appDir, 'app', 'layout.tsx')
    writeFileSync(layout, `${readFileSync(layout, 'utf8')}\nexport const revalidate = 60\n`)
  }
  if (layers.includes('instrumentation')) {
    const payload = layers.includes('payload')
      ? `  const { getPayloadClient } = await import('${relativeToRoot(appDir, 'lib/config/payload')}')\n  await getPayloadClient()\n`
      : ''
    writeFileSync(
      path.join(appDir, 'instrumentation.tsx'),
      `export async function register() {\n  if (process.env.NEXT_RUNTIME !== 'nodejs') return\n  const { register: wellpress } = await import('${relativeToRoot(appDir, 'instrumentation')}')\n  await wellpress()\n${payload}}\n`,
    )
  }
  if (layers.includes('proxy')) {
    writeFileSync(
      path.join(appDir, 'proxy.tsx'),
      `export { proxy } from '${relativeToRoot(appDir, 'proxy')}'\n\nexport const config = {\n  matcher: ${proxyMatcher()},\n}\n`,
    )
  }
  build(appDir, env)
  writeFileSync(recordFile(appDir), JSON.stringify({ filler, htmlBytes: 0, layers, sources } satisfies BuildRecord))
  return appDir
}
