import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import S3rver from 's3rver'

import { freePort } from './http/server'

/**
 * What several app instances share, started by the test that needs them (no Docker here): a real
 * Redis (Debian's redis-server, which .ci/run installs) and an S3-compatible server (npm s3rver).
 * A missing redis-server fails the test with what to install: never a silent skip.
 */
export type RedisServer = { url: string; port: number; stop: () => void }

const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((candidate) => existsSync(candidate))

export async function startRedis(): Promise<RedisServer> {
  if (!REDIS_SERVER) {
    throw new Error('redis-server is not installed: these tests need a real Redis (apt-get install -y redis-server; .ci/run does it).')
  }
  const port = await freePort()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-redis-'))
  const pidFile = path.join(dir, 'redis.pid')
  const started = spawnSync(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', pidFile, '--dir', dir],
    { encoding: 'utf8' },
  )
  if (started.status !== 0) throw new Error(`redis-server did not start (exit ${started.status}): ${started.stderr}${started.stdout}`)
  // The pid file can exist before redis has written the pid into it. Read it until it holds one:
  // an empty read is Number('') = 0, and process.kill(0) signals this whole process group (a
  // clean-clone CI run lost its test runner, and the shell that started it, that way).
  const deadline = Date.now() + 10_000
  let pid = 0
  while (!(pid > 0)) {
    if (Date.now() > deadline) throw new Error('redis-server started but wrote no pid into its pid file within 10 s')
    await new Promise((resolve) => setTimeout(resolve, 50))
    pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => {
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type S3Server = { env: Record<string, string>; bucket: string; endpoint: string; stop: () => Promise<void> }

/** s3rver's own fixed keys. */
const S3RVER_KEY = 'S3RVER'

export async function startS3(bucket = 'wellpress-media'): Promise<S3Server> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'wellpress-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    bucket,
    endpoint,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: S3RVER_KEY,
      S3_SECRET_ACCESS_KEY: S3RVER_KEY,
      S3_FORCE_PATH_STYLE: 'true',
    },
    stop: async () => {
      await server.close().catch(() => {})
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
