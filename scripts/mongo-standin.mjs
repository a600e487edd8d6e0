#!/usr/bin/env node
/**
 * An in-memory MongoDB stand-in for the integration tests: CongoDB from @push.rocks/smartmongo
 * (a devDependency), a TypeScript server that speaks MongoDB's wire protocol, so
 * @payloadcms/db-mongodb and the official driver talk to it as to a standalone mongod. There is no
 * MongoDB server binary on the machines this project runs on; this lets the MongoDB suite run
 * in CI all the same.
 *
 * It is NOT proof of MongoDB's behaviour where the stand-in differs from a real server: it enforces
 * no unique indexes and has no transactions or replica sets (Payload's Mongo adapter turns
 * transactions off by itself on a connection without a replicaSet). Anything that relies on
 * those still needs a real MongoDB.
 *
 * Usage: `node scripts/mongo-standin.mjs` prints exactly one line on stdout once it accepts
 * connections,
 *   MONGODB_URI=mongodb://127.0.0.1:<port>/wellpress
 * and stays up until SIGTERM or SIGINT, or until its standard input closes when that is a pipe
 * (so it dies with a parent that spawned it with stdin 'pipe', as scripts/test.mjs does). A port
 * can be forced with MONGO_STANDIN_PORT; by default the system picks a free one.
 */
import { CongoServer } from '@push.rocks/smartmongo/dist_ts/congodb/index.js'
import { fstatSync } from 'node:fs'

const port = Number(process.env.MONGO_STANDIN_PORT ?? 0)
const host = '127.0.0.1'

const server = new CongoServer({ port, host, storage: 'memory' })
await server.start()

// CongoServer keeps the port it was given; with 0 the real one is on its net.Server.
const address = server.server?.address()
const boundPort = typeof address === 'object' && address ? address.port : port
if (!boundPort) {
  console.error('mongo-standin: could not tell which port the server listens on')
  await server.stop()
  process.exit(1)
}

let stopping = false
async function stop(reason) {
  if (stopping) return
  stopping = true
  try {
    await server.stop()
  } catch (error) {
    console.error(`mongo-standin: error while stopping (${reason}):`, error)
    process.exit(1)
  }
  process.exit(0)
}

process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))

// Exit with the parent: when stdin is a pipe or socket (spawned with stdin 'pipe'), its end means
// the parent is gone. A terminal or /dev/null stdin is not watched, so the script can also be run
// by hand or in the background of a shell.
const stdin = fstatSync(0)
if (stdin.isFIFO() || stdin.isSocket()) {
  process.stdin.on('end', () => stop('stdin closed'))
  process.stdin.on('close', () => stop('stdin closed'))
  process.stdin.on('error', () => stop('stdin error'))
  process.stdin.resume()
}

process.stdout.write(`MONGODB_URI=mongodb://${host}:${boundPort}/wellpress\n`)
