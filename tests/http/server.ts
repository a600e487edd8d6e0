import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * Builds the app once and starts the real production server (`next start`) on a free port, on an
 * empty SQLite file, exactly as a fresh clone would run it. Shared by the HTTP and browser tiers.
 */
/**
 * The build folder, overridable so two checkouts' (or two engineers') test runs on one machine
 * never share a build. Read when used, not when this module is first imported: the benchmarks set
 * TEST_DIST_DIR (.next-test-bench) as they start, after a static import chain may have loaded this.
 */
export const distDir = () => process.env.TEST_DIST_DIR || '.next-test'
export const TEST_SITE_URL = 'https://wellpress.test'
/** What `npm start` runs: `next start` with the server's memory settings. */
export const START_SCRIPT = path.resolve('scripts/start.sh')

/** A `NAME=<integer>` setting of scripts/start.sh, the script `npm start` runs. */
function startScriptSetting(name: string): number {
  const value = Number(new RegExp(`^${name}=(\\d+)$`, 'm').exec(readFileSync(START_SCRIPT, 'utf8'))?.[1])
  if (!Number.isInteger(value)) throw new Error(`no ${name}=<integer> line in ${START_SCRIPT}`)
  return value
}

/** SERVER_HEAP_MB of scripts/start.sh: the heap limit, in MiB, of every server `npm start` starts. */
export const serverHeapLimitMiB = () => startScriptSetting('SERVER_HEAP_MB')

/**
 * What scripts/start.sh puts in a server's environment: V8's old-space limit and young-generation
 * size in NODE_OPTIONS, and glibc's malloc arenas (the script says why each).
 */
export function serverMemoryEnv(): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  return {
    NODE_OPTIONS: `--max-old-space-size=${serverHeapLimitMiB()} --max-semi-space-size=${startScriptSetting('SERVER_SEMI_SPACE_MB')}`,
    MALLOC_ARENA_MAX: String(startScriptSetting('SERVER_MALLOC_ARENAS')),
  }
}
// Keyed by checkout and build folder: two checkouts (git worktrees) testing at once on one machine
// each find their own server.
const checkout = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)
const stateFile = () => path.join(os.tmpdir(), `wellpress-http-server-${checkout}-${distDir().replace(/\W+/g, '')}.json`)

/** `admin`: the test admin's session, made once by global-setup (tests/http/auth.ts). */
export type ServerState = { baseUrl: string; pid: number; dataDir: string; logFile: string; admin?: { token: string; role: string } }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export function buildApp(env: NodeJS.ProcessEnv) {
  const started = Date.now()
  const result = spawnSync('npx', ['next', 'build'], {
    env: { ...env, NEXT_DIST_DIR: distDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`next build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  console.log(`\n[http] next build finished in ${Math.round((Date.now() - started) / 1000)} s`)
}

/** `startEnv`: added to `next start`'s environment only, not the build's (the benches' NODE_OPTIONS). */
export async function startServer({ startEnv = {} }: { startEnv?: Record<string, string> } = {}): Promise<ServerState> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-http-'))
  const port = await freePort()
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URI: `file:${path.join(dataDir, 'wellpress.db')}`,
    PAYLOAD_SECRET: 'http-test-secret-http-test-secret-0123',
    SITE_URL: TEST_SITE_URL,
    // Browsers (the e2e tier) reach this server at its loopback address, not at SITE_URL: trust
    // that origin for login cookies and CORS, as a staging address would be.
    TRUSTED_ORIGINS: `http://127.0.0.1:${port}`,
    PORT: String(port),
  } as NodeJS.ProcessEnv
  delete env.SEED

  if (process.env.SKIP_BUILD !== '1') buildApp(env)

  const logFile = path.join(dataDir, 'server.log')
  const log = openSync(logFile, 'a')
  // Detached: its own process group, so teardown can stop it and everything it started.
  // Started as `npm start` starts it (scripts/start.sh: its heap limit), without npm in between.
  const child = spawn('sh', [START_SCRIPT, '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...env, ...startEnv, NEXT_DIST_DIR: distDir() },
    detached: true,
    stdio: ['ignore', log, log],
  })
  child.unref()
  const state: ServerState = { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid as number, dataDir, logFile }
  saveServerState(state)
  await waitUntilServing(state)
  return state
}

async function waitUntilServing(state: ServerState, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${state.baseUrl}/`, { redirect: 'manual' })
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  // The log first: stopping the server removes its folder, log included.
  const log = readFileSync(state.logFile, 'utf8')
  stopServer(state)
  throw new Error(`The server did not answer within ${timeoutMs / 1000} s. Log:\n${log}`)
}

export function stopServer(state: ServerState | null = readServerState()) {
  if (!state) return
  try {
    process.kill(-state.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  rmSync(state.dataDir, { recursive: true, force: true })
  rmSync(stateFile(), { force: true })
}

export function saveServerState(state: ServerState) {
  writeFileSync(stateFile(), JSON.stringify(state))
}

export function readServerState(): ServerState | null {
  try {
    return JSON.parse(readFileSync(stateFile(), 'utf8')) as ServerState
  } catch {
    return null
  }
}

/** Base URL for tests: the server global-setup started. */
export function baseUrl(): string {
  const state = readServerState()
  if (!state) throw new Error('No test server: run the http tier through jest (global-setup starts it).')
  return state.baseUrl
}
