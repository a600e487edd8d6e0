import { revalidateTag } from 'next/cache'
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { isPurgeToken, PURGE_ENDPOINT_PATH, PURGE_NOW } from './purge'
import { cacheStats, recordPurge } from './stats'

const purgeBody = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(64) })

/**
 * POST /api/cache/purge: where a change made outside any request (the scheduled-publish job)
 * reaches Next's cache, from this same server over loopback (see lib/cache/purge.ts). Only the
 * server itself holds the token (derived from the Payload secret).
 */
const purgeEndpoint: Endpoint = {
  path: PURGE_ENDPOINT_PATH,
  method: 'post',
  handler: async (req) => {
    if (!isPurgeToken(req.headers.get('x-purge-token'), req.payload.secret)) {
      return Response.json({ error: 'Not allowed.' }, { status: 403 })
    }
    const body = purgeBody.safeParse(await req.json?.().catch(() => null))
    if (!body.success) return Response.json({ error: 'Expected { tags: string[] }.' }, { status: 400 })
    for (const tag of body.data.tags) revalidateTag(tag, PURGE_NOW)
    recordPurge('loopback', body.data.tags)
    return Response.json({ purged: body.data.tags })
  },
}

/** GET /api/cache/stats: for logged-in users, what the public data cache did since start. */
const statsEndpoint: Endpoint = {
  path: '/cache/stats',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: 'Log in to see cache statistics.' }, { status: 401 })
    return Response.json(cacheStats(), { headers: { 'cache-control': 'no-store' } })
  },
}

export const cacheEndpoints: Endpoint[] = [purgeEndpoint, statsEndpoint]
