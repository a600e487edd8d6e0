import { randomBytes } from 'node:crypto'

import { env } from './env'
import { isDatabaseDown } from './health'
import { serviceUnavailablePage } from './outagePage'

/**
 * While the database is away (lib/health.ts knows), pages already in Next's data cache should
 * still answer 200, and the others a calm 503 with Retry-After: not a 500, which tells crawlers
 * and monitors that something is broken rather than briefly away.
 *
 * A Server Component cannot choose its response's status (Next only maps notFound/forbidden/
 * unauthorized and redirects to one), and whether a page's data is cached is only known by
 * rendering it. So during an outage, and only then, proxy.ts renders the page first: it asks this
 * same server for it over loopback (marked with a per-process token so that request goes straight
 * through), passes a good answer on as it is, and turns a server error into the 503 page. With the
 * database up, nothing here runs beyond one flag check.
 *
 * Not covered: the requests that discover an outage (before any read has failed, the flag is not
 * set yet) still end as Next's 500; and pages are buffered, not streamed, while the outage lasts.
 */
export const OUTAGE_PROBE_HEADER = 'x-wellpress-outage-probe'

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 30

const PROBE_TIMEOUT_MS = 20_000
const TOKEN_KEY = Symbol.for('wellpress.outage-probe-token')

/** Random per process and never sent anywhere but loopback: a visitor cannot skip the check. */
function probeToken(): string {
  const holder = globalThis as { [TOKEN_KEY]?: string }
  holder[TOKEN_KEY] ??= randomBytes(16).toString('hex')
  return holder[TOKEN_KEY]
}

/** Headers not to copy onto the loopback request or back from its response. */
const HOP_BY_HOP = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'accept-encoding']

/**
 * `null` when the request should go on as usual; otherwise the answer for it: the page rendered
 * over loopback when it could be (from the cache), or the 503 page.
 */
export async function answerDuringOutage(request: Request): Promise<Response | null> {
  if (!isDatabaseDown()) return null
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  if (request.headers.get(OUTAGE_PROBE_HEADER) === probeToken()) return null
  const url = new URL(request.url)
  if (url.pathname === '/health') return null

  const headers = new Headers(request.headers)
  for (const name of HOP_BY_HOP) headers.delete(name)
  headers.set(OUTAGE_PROBE_HEADER, probeToken())
  let rendered: Response
  try {
    // Loopback to this very server (`next start` sets PORT to the port it listens on).
    rendered = await fetch(`http://127.0.0.1:${env.PORT}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    })
  } catch (error) {
    console.error(`[outage] could not render ${url.pathname} during the database outage:`, error)
    return unavailable(url.pathname)
  }
  if (rendered.status >= 500) {
    await rendered.body?.cancel()
    return unavailable(url.pathname)
  }
  const body = request.method === 'HEAD' ? null : await rendered.arrayBuffer()
  const responseHeaders = new Headers(rendered.headers)
  for (const name of HOP_BY_HOP) responseHeaders.delete(name)
  return new Response(body, { status: rendered.status, statusText: rendered.statusText, headers: responseHeaders })
}

function unavailable(pathname: string): Response {
  // Pages get the friendly page; feeds, sitemaps and images a short plain answer.
  const isPage = !/\.[a-z0-9]+$/i.test(pathname) && !pathname.startsWith('/og/')
  return new Response(isPage ? serviceUnavailablePage() : 'Temporarily unavailable; please try again shortly.\n', {
    status: 503,
    headers: {
      'Content-Type': isPage ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(RETRY_AFTER_SECONDS),
    },
  })
}
