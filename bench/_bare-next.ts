/**
 * The bare Next.js app (bench/bare-next/) bench/lighthouse.ts audits beside Wellpress: built and
 * served by the project's own `next` (same version, same React), with no node_modules of its own.
 * Its pages:
 * - `/`: one line of text;
 * - `/replica` and `/replica-static.html`: a Wellpress page's own markup and stylesheet, under the
 *   bare app's scripts and as a plain file with none (`buildReplica`).
 * (Throughput, client JS and memory compare with the floor instead: bench/_floor.ts.)
 *
 * Not a benchmark itself (the leading `_` keeps bench/run.ts from running it).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startApp, stopApp, type NextApp } from './_floor'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const appDir = path.join(repositoryRoot, 'bench', 'bare-next')
export const BARE_DIST_DIR = path.join(appDir, '.next-bench') // bench/bare-next/next.config.ts `distDir`
const nextBin = path.join(repositoryRoot, 'node_modules', '.bin', 'next')
// The replica's files (gitignored): written by `buildReplica`, read by app/replica/page.tsx at build.
const replicaDir = path.join(appDir, 'app', 'replica')
const replicaHtml = path.join(replicaDir, 'body.html')
const replicaCss = path.join(replicaDir, 'replica.css')
const publicDir = path.join(appDir, 'public')

const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  ...(existsSync(replicaHtml) ? { BARE_REPLICA_HTML: replicaHtml } : {}),
})

function build() {
  const started = Date.now()
  // app/replica/page.tsx imports the stylesheet: until a replica is written, an empty one.
  if (!existsSync(replicaCss)) writeFileSync(replicaCss, '')
  const result = spawnSync(nextBin, ['build', appDir], { env: env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (result.status !== 0) throw new Error(`next build of bench/bare-next failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  console.log(`[bare-next] next build finished in ${Math.round((Date.now() - started) / 1000)} s`)
}

export const startBareApp = (): Promise<NextApp> => startApp(appDir, env())
export const stopBareApp = stopApp

/**
 * A Wellpress page as the bare app serves it: `body` (the inside of its `<body>`) and `css` (its
 * stylesheet) become `/replica`, prerendered by the bare app with its own scripts, and
 * `/replica-static.html`, a plain file with the same markup and stylesheet and no script at all.
 * `title` is HTML (as the page's own `<title>` holds it). Rebuilds the app.
 */
export function buildReplica({ body, css, title }: { body: string; css: string; title: string }) {
  writeFileSync(replicaHtml, body)
  writeFileSync(replicaCss, css)
  mkdirSync(publicDir, { recursive: true })
  writeFileSync(path.join(publicDir, 'replica-static.css'), css)
  writeFileSync(
    path.join(publicDir, 'replica-static.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/replica-static.css"><title>${title}</title><meta name="description" content="${title}"></head><body>${body}</body></html>`,
  )
  build()
}
