import { NextResponse, type NextRequest } from 'next/server'

import { lookUpRedirect } from './lib/redirectLookup'
import { canonicalPath, isCaseSensitivePath, isKnownRoutePath, withoutTrailingSlash } from './lib/sitePaths'

/**
 * Every address reaches its page in at most one permanent redirect:
 * - a stored redirect for a path no route serves (`/old-page` → `/blog/x`), with its own status;
 * - odd spellings of a page (`/Blog/Massage/`) → the canonical one (`/blog/massage`), 308.
 * Next's own trailing-slash redirect is off (next.config.ts) so it cannot add a second hop first.
 * Known routes never wait for a redirect look-up: their pages do it only when nothing is found.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const canonical = isCaseSensitivePath(pathname) ? withoutTrailingSlash(pathname) : canonicalPath(pathname)

  if (!isKnownRoutePath(canonical)) {
    const redirect = await lookUpRedirect(canonicalPath(pathname))
    if (redirect) return NextResponse.redirect(new URL(redirect.target, request.url), redirect.status)
  }
  if (canonical !== pathname) {
    // A fresh URL: a clone of request.nextUrl would put the trailing slash back when formatted.
    return NextResponse.redirect(new URL(`${canonical}${request.nextUrl.search}`, request.url), 308)
  }
  return NextResponse.next()
}

export const config = {
  matcher: [
    // The site, not Payload's API and admin (proxying would buffer their uploads) or Next's assets.
    '/((?!api(?:/|$)|admin(?:/|$)|_next/).*)',
    // …except their trailing-slash spellings, which Next no longer redirects itself.
    '/((?:api|admin)/.*/)',
  ],
}
