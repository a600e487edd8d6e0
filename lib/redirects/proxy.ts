import { REDIRECTS } from '../collections'
import { env } from '../config/env'
import { REDIRECT_POPULATE, REDIRECT_SELECT, redirectFromSpellings, resolveRedirect, type RedirectRecord, type ResolvedRedirect } from './resolve'

/**
 * Redirect look-ups for proxy.ts, which runs apart from the app's Payload instance: it asks the
 * site's own REST API (as an anonymous visitor, so only public pages are targets) over loopback,
 * and remembers answers briefly, so a crawler hammering dead addresses costs one read each per
 * half-minute. Only paths outside the site's known routes ever get here (see isKnownRoutePath).
 */
const TTL_MS = 30_000
const MAX_ENTRIES = 1000
const TIMEOUT_MS = 3000

const remembered = new Map<string, { expires: number; answer: Promise<ResolvedRedirect | null> }>()

/** The same question lib/redirects/find.ts asks through the Local API, as a REST query string. */
function restQuery(path: string): string {
  const params = new URLSearchParams({ depth: '1', limit: '1' })
  redirectFromSpellings(path).forEach((spelling, index) => params.set(`where[from][in][${index}]`, spelling))
  for (const field of Object.keys(REDIRECT_SELECT)) params.set(`select[${field}]`, 'true')
  for (const collection of Object.keys(REDIRECT_POPULATE)) params.set(`populate[${collection}][slug]`, 'true')
  // Loopback to this very server (`next start` sets PORT to the port it listens on).
  return `http://127.0.0.1:${env.PORT}/api/${REDIRECTS}?${params}`
}

async function fetchRedirect(path: string): Promise<ResolvedRedirect | null> {
  const response = await fetch(restQuery(path), { signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store' })
  if (!response.ok) throw new Error(`GET /api/${REDIRECTS} answered ${response.status}`)
  const { docs } = (await response.json()) as { docs?: RedirectRecord[] }
  return resolveRedirect(docs?.[0], path)
}

/** The redirect stored for a canonical path, or `null`. A failed look-up is logged, not remembered. */
export async function lookUpRedirect(path: string, now = Date.now()): Promise<ResolvedRedirect | null> {
  const cached = remembered.get(path)
  if (cached && cached.expires > now) return cached.answer
  if (remembered.size >= MAX_ENTRIES) remembered.clear()
  const answer = fetchRedirect(path)
  remembered.set(path, { expires: now + TTL_MS, answer })
  try {
    return await answer
  } catch (error) {
    remembered.delete(path)
    // The visitor still gets the 404 page; the operator gets the reason.
    console.error(`[redirects] look-up for ${path} failed:`, error)
    return null
  }
}
