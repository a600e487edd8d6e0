// @ts-check
/**
 * The one Redis connection of this process, when REDIS_URL is set (several app instances share
 * Next's cache, purges, rate-limit counters and the job runner's turn through it; README "Running
 * several instances"). Without REDIS_URL nothing here connects, and every caller keeps its
 * in-memory behaviour.
 *
 * Plain JavaScript on globalThis: lib/cache/handler.js, which Next loads outside its bundles, uses
 * it as well as the bundled app code (limits, jobs), and they must share one connection.
 *
 * Every command carries a deadline: a Redis that is away must cost a request a fraction of a
 * second, never hang it. Commands issued before the first connection wait for it, within that
 * deadline; once a working connection is lost, commands fail at once until it is back.
 */
import { createClient, RESP_TYPES } from 'redis'

/** Long enough for a loaded Redis on the network; short enough that a page still answers. */
export const COMMAND_TIMEOUT_MS = 1_000

const SHARED = Symbol.for('wellpress.redis')

/** @param {string} url */
function connect(url) {
  return createClient({
    url,
    socket: {
      connectTimeout: 5_000,
      // Keep trying, at most every 2 s: the instance serves from the database meanwhile.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  })
}

/** @typedef {ReturnType<typeof connect>} Client */
/** @typedef {{ url: string; client: Client; lastError: number; connectedOnce: boolean }} Shared */

/** REDIS_URL when set (and not blank). */
export function redisUrl() {
  const url = process.env.REDIS_URL?.trim()
  return url ? url : undefined
}

/** @returns {Shared | undefined} */
function shared() {
  const url = redisUrl()
  if (!url) return undefined
  const holder = /** @type {{ [SHARED]?: Shared }} */ (globalThis)
  if (holder[SHARED]?.url === url) return holder[SHARED]
  // REDIS_URL changed (tests do that): the old connection goes.
  holder[SHARED]?.client.destroy()
  const client = connect(url)
  /** @type {Shared} */
  const entry = { url, client, lastError: 0, connectedOnce: false }
  client.on('ready', () => {
    entry.connectedOnce = true
  })
  client.on('error', (/** @type {Error} */ error) => {
    // node-redis reports each failed reconnect; once a minute in the log is enough.
    if (Date.now() - entry.lastError < 60_000) return
    entry.lastError = Date.now()
    console.error(`[redis] ${error.message} (${redactedUrl(url)}); serving without the shared cache until it is back`)
  })
  client.connect().catch(() => {
    // Reported through 'error' above; reconnectStrategy keeps trying.
  })
  holder[SHARED] = entry
  return entry
}

/** REDIS_URL without its password, for logs. @param {string} url */
export function redactedUrl(url) {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'REDIS_URL (unparsable)'
  }
}

/** Whether REDIS_URL is set: several instances share state through it. */
export function usesRedis() {
  return redisUrl() !== undefined
}

/**
 * The client for one command (or one MULTI), with its deadline; strings come back as strings.
 * Throws when REDIS_URL is not set: callers check `usesRedis()` first.
 */
export function redis() {
  return usable().withAbortSignal(AbortSignal.timeout(COMMAND_TIMEOUT_MS))
}

/** As `redis()`, with bulk strings returned as Buffers (cache entries are binary). */
export function redisBinary() {
  return usable().withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).withAbortSignal(AbortSignal.timeout(COMMAND_TIMEOUT_MS))
}

function usable() {
  const entry = shared()
  if (!entry) throw new Error('REDIS_URL is not set')
  if (entry.connectedOnce && !entry.client.isReady) throw new Error('the connection to Redis is lost; reconnecting')
  return entry.client
}

/** Whether the connection is up right now (for /health). */
export function redisReady() {
  return shared()?.client.isReady ?? false
}

/** Closes the connection (scripts and tests; a server keeps it for its lifetime). */
export async function closeRedis() {
  const holder = /** @type {{ [SHARED]?: Shared }} */ (globalThis)
  const entry = holder[SHARED]
  delete holder[SHARED]
  if (entry?.client.isOpen) await entry.client.close().catch(() => entry.client.destroy())
  else entry?.client.destroy()
}
