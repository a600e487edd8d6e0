#!/usr/bin/env node
/**
 * `npm test`: the one test command. Type-checks, then runs every jest tier: unit, integration
 * (SQLite, and MongoDB through the stand-in when no MONGODB_URI is given) and HTTP (a production
 * build served by `next start`). Extra arguments go to jest: `npm test -- --selectProjects unit`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'

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
  const child = spawn(process.execPath, [new URL('./mongo-standin.mjs', import.meta.url).pathname], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  const uri = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 30_000)
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
if (!env.MONGODB_URI) {
  standIn = await startMongoStandIn()
  if (standIn) {
    env.MONGODB_URI = standIn.uri
    console.log(`\nMongoDB suite: using the in-memory stand-in at ${standIn.uri} (no unique indexes, no transactions).`)
  }
}

const status = step('jest: unit, int, http', 'npx', ['jest', ...jestArgs], {
  NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
})
standIn?.stop()
process.exit(status)
