import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { distDir, freePort, START_SCRIPT, TEST_SITE_URL } from './server'

/**
 * A second production server of the test build (global-setup built it into distDir()), for tests
 * that must break or stop their server (database outages, SIGTERM) or need settings of their own
 * (`extraEnv`: TRUSTED_PROXIES, ADMIN_EMAIL…). The shared server stays untouched. The process is
 * `next start` itself, started as `npm start` starts it (scripts/start.sh execs it: no npm or shell
 * in between), so signals reach it.
 */
export type OwnServer = { baseUrl: string; child: ChildProcess; log: () => string; exited: Promise<number | null> }

/** `nodeOptions`: flags for the server's Node before `next start` (e.g. `--import` of a fixture); `env`: more variables. */
export async function startOwnServer(
  databaseUri: string,
  { nodeOptions = [], env: extraEnv = {} }: { nodeOptions?: string[]; env?: Record<string, string> } = {},
): Promise<OwnServer> {
  const port = await freePort()
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir(),
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: 'own-test-secret-own-test-secret-0123456',
    SITE_URL: TEST_SITE_URL,
    // A browser reaches it at this loopback address: trust that origin for the admin's login cookie.
    TRUSTED_ORIGINS: `http://127.0.0.1:${port}`,
    PORT: String(port),
    ...extraEnv,
  } as NodeJS.ProcessEnv
  delete env.SEED
  // jest's --experimental-vm-modules is not for the server; the fixtures' flags are.
  if (nodeOptions.length > 0) env.NODE_OPTIONS = nodeOptions.join(' ')
  else delete env.NODE_OPTIONS
  const child = spawn('sh', [START_SCRIPT, '-p', String(port), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const server = { baseUrl: `http://127.0.0.1:${port}`, child, log: () => output, exited }
  await waitForHealth(server, 200, 120_000)
  return server
}

/** Polls GET /health until it answers `status`; the last answer's status otherwise. */
export async function waitForHealth(server: OwnServer, status: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs
  let last = 0
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`The server exited (${server.child.exitCode}). Log:\n${server.log()}`)
    try {
      last = (await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(10_000) })).status
      if (last === status) return last
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return last
}

export function stopOwnServer(server: OwnServer | undefined) {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL')
}

/** A temporary SQLite file for an own server; `cleanup` removes its folder. */
export function temporarySqliteUri(): { uri: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-own-'))
  return { uri: `file:${path.join(dir, 'wellpress.db')}`, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * The in-memory MongoDB stand-in (scripts/mongo-standin.mjs) as a child of this test: its stdin
 * is a pipe, so it exits with the test process whatever happens.
 */
export async function startMongoStandIn(): Promise<{ uri: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.resolve('scripts/mongo-standin.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The MongoDB stand-in did not start within 30 s')), 30_000)
    child.on('exit', (code) => reject(new Error(`The MongoDB stand-in exited (${code})`)))
    lines.on('line', (line) => {
      const match = /^MONGODB_URI=(.+)$/.exec(line.trim())
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
  })
  return { uri, child }
}
