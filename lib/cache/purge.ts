import { AsyncLocalStorage } from 'node:async_hooks'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { request } from 'node:http'

import { revalidateTag } from 'next/cache'
import type { Payload, PayloadRequest } from 'payload'

import { env } from '../config/env'
import { cacheClock, fillsBeganBefore } from './fills.js'
import { recordPurge } from './stats'

/**
 * The one way content changes reach Next's cache: `purgeCacheTags(tags, req)`, called by the
 * collection hooks (collections/hooks/revalidate.ts) with the tags lib/cache/tags.ts planned.
 *
 * `revalidateTag` only works inside a request that Next is still serving: it queues the tags on
 * that request and applies them when it ends, after Payload has committed the write. Two kinds of
 * writes happen elsewhere, so they take a second road:
 * - the scheduled-publish job runs on a timer inside the server process; its timer inherits the
 *   context of whatever request first started Payload's crons, long finished, where a queued
 *   purge would silently never run (Payload issue 16392);
 * - Local API writes in general (`req.payloadAPI === 'local'`).
 * For those the purge waits for the write's transaction to end, then asks this same server over
 * loopback (POST /api/cache/purge, signed with the Payload secret) to revalidate inside a request
 * of its own. Either way a purge failure is logged and never undoes or fails the editor's save.
 */

/** Expire at once: the next request reads fresh data ("max" would serve the old version once more). */
export const PURGE_NOW = { expire: 0 } as const

export type PurgeListener = (tags: readonly string[]) => void

const listeners = new Set<PurgeListener>()

/** Observes every purge this process plans (the integration tests' window on the hooks). */
export function onPurge(listener: PurgeListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function purgeCacheTags(tags: readonly string[], req: PayloadRequest): void {
  if (tags.length === 0) return
  for (const listener of listeners) listener(tags)
  if (req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL') {
    try {
      for (const tag of tags) revalidateTag(tag, PURGE_NOW)
      recordPurge('request', tags)
      const answer = answersOfPurgingRequests.getStore()
      if (answer) answer.purged = true
      return
    } catch (error) {
      // Not in a request Next can purge from after all (say, a REST call made during a render).
      req.payload.logger.warn({ err: error, tags }, '[cache] in-request purge refused; purging over loopback')
    }
  }
  purgeOutsideRequest(tags, req)
}

/**
 * Around each API request (`answerOnceLive`): whether it purged anything. On globalThis because
 * Next bundles each route apart, and the hooks that purge may come from another bundle's copy of
 * this module (Payload keeps one instance per process, with the collections it started with).
 */
const PURGING_REQUESTS = Symbol.for('wellpress.purging-requests')
const answersOfPurgingRequests = ((globalThis as { [PURGING_REQUESTS]?: AsyncLocalStorage<{ purged: boolean }> })[PURGING_REQUESTS] ??=
  new AsyncLocalStorage<{ purged: boolean }>())

/** Long enough for any render on a busy server; a render that errs never ends its fill. */
const LONGEST_WAIT_MS = 5_000

/**
 * Wraps the REST and GraphQL routes: a request that changed what visitors see is answered only
 * once no render that began before the change is still running. Pages render once for everyone
 * who asks while they render: a request arriving during a render that read the article just
 * before the edit would be handed that old version, even after the editor saw "saved". Renders
 * that begin after the write read the new version; those that began before it are stamped
 * accordingly (lib/cache/handler.js), so the purge applied as this request ends expires them.
 */
export function answerOnceLive<A extends unknown[]>(handler: (request: Request, ...rest: A) => Promise<Response>) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    const answer = { purged: false }
    const response = await answersOfPurgingRequests.run(answer, () => handler(request, ...rest))
    if (answer.purged) await rendersBeganBefore(cacheClock())
    return response
  }
}

async function rendersBeganBefore(time: number) {
  const deadline = Date.now() + LONGEST_WAIT_MS
  while (fillsBeganBefore(time) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
}

function purgeOutsideRequest(tags: readonly string[], req: PayloadRequest) {
  // Scripts and tests write from processes that hold no Next cache: nothing to purge here.
  if (!process.env.NEXT_RUNTIME) {
    req.payload.logger.debug({ tags }, '[cache] no Next server in this process; nothing to purge')
    return
  }
  void transactionEnded(req)
    .then(() => postPurge(tags, req.payload))
    .catch((error: unknown) => {
      req.payload.logger.error(
        { err: error, tags },
        '[cache] purge failed: the saved change is stored, but visitors may see the old version until the next change',
      )
    })
}

const TRANSACTION_WAIT_MS = 30_000

/**
 * Purging before the commit would let a visitor re-cache the old version in between. Payload
 * deletes `req.transactionID` once it commits; a promise there resolves to `null` when the database
 * runs without transactions (SQLite here) and stays on the request.
 */
async function transactionEnded(req: PayloadRequest) {
  const deadline = Date.now() + TRANSACTION_WAIT_MS
  while (Date.now() < deadline) {
    const transaction = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
    if (!transaction) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  req.payload.logger.warn(`[cache] the write's transaction was still open after ${TRANSACTION_WAIT_MS / 1000} s; purging anyway`)
}

export function purgeToken(secret: string): string {
  return createHmac('sha256', secret).update('wellpress cache purge').digest('hex')
}

export function isPurgeToken(candidate: string | null, secret: string): boolean {
  const expected = Buffer.from(purgeToken(secret))
  const given = Buffer.from(candidate ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export const PURGE_ENDPOINT_PATH = '/cache/purge'

/** node:http rather than fetch: Next patches fetch, and this runs outside any request of its. */
function postPurge(tags: readonly string[], payload: Payload): Promise<void> {
  const body = JSON.stringify({ tags })
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: env.PORT,
        method: 'POST',
        path: `${payload.config.routes.api}${PURGE_ENDPOINT_PATH}`,
        headers: { 'content-type': 'application/json', 'x-purge-token': purgeToken(payload.secret) },
        timeout: 10_000,
      },
      (response) => {
        response.resume()
        if (response.statusCode === 200) resolve()
        else reject(new Error(`POST ${PURGE_ENDPOINT_PATH} answered ${response.statusCode}`))
      },
    )
    call.on('timeout', () => call.destroy(new Error(`POST ${PURGE_ENDPOINT_PATH} timed out`)))
    call.on('error', reject)
    call.end(body)
  })
}
