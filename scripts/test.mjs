#!/usr/bin/env node
/**
 * `npm test`: the one test command. Type-checks, then runs every jest tier: unit, integration
 * (SQLite, and MongoDB through the stand-in when no MONGODB_URI is given) and HTTP (a production
 * build served by `next start`). Extra arguments go to jest: `npm test -- --selectProjects unit`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const jestArgs = process.argv.slice(2)
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

function step(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } })
  return result.status ?? 1
}

/** Starts the in-memory MongoDB stand-in and resolves with its URI (see scripts/mongo-standin.mjs). */
async function startMongoStandIn() {
  if (!existsSync(new URL('./mongo-standin.mjs', import.meta.url))) return null
  // stdin is a pipe the stand-in watches: if this script dies without stopping it, the pipe
  // closes and the stand-in exits with it.
  const child = spawn(process.execPath, [fileURLToPath(new URL('./mongo-standin.mjs', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  const uri = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 30_000)
    child.on('error', () => resolve(null))
    lines.on('line', (line) => {
      const match = /^MONGODB_URI=(.+)$/.exec(line.trim())
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.on('exit', () => resolve(null))
  })
  if (!uri) {
    child.kill('SIGTERM')
    return null
  }
  return { uri, stop: () => child.kill('SIGTERM') }
}

if (step('Type-check (tsc --noEmit)', 'npx', ['tsc', '--noEmit']) !== 0) process.exit(1)

let standIn = null
if (!env.MONGODB_URI && existsSync(new URL('./mongo-standin.mjs', import.meta.url))) {
  standIn = await startMongoStandIn()
  if (!standIn) {
    // Without it the MongoDB suite would silently skip; say so and fail instead.
    console.error('\nMongoDB stand-in (scripts/mongo-standin.mjs) did not start; set MONGODB_URI to a real server or fix it.')
    process.exit(1)
  }
  env.MONGODB_URI = standIn.uri
  env.MONGODB_STANDIN = '1'
  console.log(
    `\nMongoDB suite: running against the in-memory stand-in at ${standIn.uri}, not a real MongoDB ` +
      '(it enforces no unique indexes and has no transactions).',
  )
}

let status = 1
try {
  status = step('jest: unit, int, http, e2e', 'npx', ['jest', ...jestArgs], {
    NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
  })
} finally {
  standIn?.stop()
}
process.exit(status)
