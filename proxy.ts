import { NextResponse, type NextRequest } from 'next/server'

import { answerDuringOutage } from './lib/outage'
import { lookUpRedirect } from './lib/redirectLookup'
import { arrivedOverHttps, createNonce, CSP_HEADER, isPageRequest, publicPageCsp, securityEnv } from './lib/security/headers'
import {
  canonicalPath,
  isCaseSensitivePath,
  isDecodablePath,
  isKnownRoutePath,
  isOptimizableImageUrl,
  withoutTrailingSlash,
} from './lib/sitePaths'

/**
 * Every address reaches its page in at most one permanent redirect:
 * - a stored redirect for a path no route serves (`/old-page` → `/blog/x`), with its own status;
 * - odd spellings of a page (`/Blog/Massage/`) → the canonical one (`/blog/massage`), 308.
 * Next's own trailing-slash redirect is off (next.config.ts) so it cannot add a second hop first.
 * Known routes never wait for a redirect look-up: their pages do it only when nothing is found.
 * The site's pages also get their Content-Security-Policy here, with a fresh nonce (the other
 * security headers, on every response, come from next.config.ts; see lib/security/headers.ts).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (pathname === '/_next/image') {
    if (isOptimizableImageUrl(request.nextUrl.searchParams.get('url'))) return NextResponse.next()
    return new NextResponse('Bad request: only uploaded images can be resized.', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  }
  if (!isDecodablePath(pathname)) {
    return new NextResponse('Bad request: this address is not validly encoded.', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  }
  const canonical = isCaseSensitivePath(pathname) ? withoutTrailingSlash(pathname) : canonicalPath(pathname)

  if (!isKnownRoutePath(canonical)) {
    const redirect = await lookUpRedirect(canonicalPath(pathname))
    if (redirect) return NextResponse.redirect(new URL(redirect.target, request.url), redirect.status)
  }
  if (canonical !== pathname) {
    // A fresh URL: a clone of request.nextUrl would put the trailing slash back when formatted.
    return NextResponse.redirect(new URL(`${canonical}${request.nextUrl.search}`, request.url), 308)
  }
  // While the database is away: cached pages as usual, the others a 503 page (lib/outage.ts).
  const duringOutage = await answerDuringOutage(request)
  if (duringOutage) return duringOutage
  if (!isPageRequest(pathname)) return NextResponse.next()
  // Next takes the nonce from the request's CSP header and puts it on the scripts it renders.
  const csp = publicPageCsp(createNonce(), securityEnv(), arrivedOverHttps(request.nextUrl, request.headers))
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set(CSP_HEADER, csp)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set(CSP_HEADER, csp)
  return response
}

export const config = {
  matcher: [
    // The site, not Payload's API and admin (proxying would buffer their uploads) or Next's assets.
    '/((?!api(?:/|$)|admin(?:/|$)|_next/).*)',
    // …except their trailing-slash spellings, which Next no longer redirects itself, and paths with
    // percent-escapes, which Next would answer with a 500 when they do not decode (a 400 here).
    '/((?:api|admin)/.*/)',
    '/((?:api|admin)/.*%.*)',
    // The image optimizer: only uploaded media may be asked for (see isOptimizableImageUrl).
    '/_next/image',
  ],
}
