import { NextResponse, type NextRequest } from 'next/server'

import { lookUpRedirect } from './lib/redirects/proxy'
import {
  canonicalPath,
  isCaseSensitivePath,
  isDecodablePath,
  isOptimizableImageUrl,
  sameSitePath,
  withoutTrailingSlash,
} from './lib/paths/canonical'
import { isKnownRoutePath } from './lib/paths/routes'
import { wordpressShortLink } from './lib/wordpress/shortLink'

/**
 * Every address reaches its page in at most one permanent redirect:
 * - a stored redirect for a path no route serves (`/old-page` → `/blog/x`), with its own status;
 * - a stored redirect for an imported WordPress post's plain address (`/?p=12`, a query on `/`);
 * - odd spellings of a page (`/Blog/Massage/`) → the canonical one (`/blog/massage`), 308.
 * Next's own trailing-slash redirect is off (next.config.ts) so it cannot add a second hop first.
 * Known routes never wait for a redirect look-up: their pages do it only when nothing is found.
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
  const shortLink = wordpressShortLink(pathname, request.nextUrl.searchParams)
  if (shortLink) {
    // Unknown ids fall through to the page at that path (the home page for `/`).
    const redirect = await lookUpRedirect(shortLink)
    if (redirect) return NextResponse.redirect(new URL(redirect.target, request.url), redirect.status)
  }
  const canonical = isCaseSensitivePath(pathname) ? withoutTrailingSlash(pathname) : canonicalPath(pathname)

  if (!isKnownRoutePath(canonical)) {
    const redirect = await lookUpRedirect(canonicalPath(pathname))
    if (redirect) return NextResponse.redirect(new URL(redirect.target, request.url), redirect.status)
  }
  if (canonical !== pathname) {
    // A fresh URL: a clone of request.nextUrl would put the trailing slash back when formatted.
    // Through sameSitePath: `//evil.example/` must become this site's `/evil.example`, never a
    // scheme-relative address of another site.
    const target = sameSitePath(`${canonical}${request.nextUrl.search}`) ?? '/'
    return NextResponse.redirect(new URL(target, request.url), 308)
  }
  return NextResponse.next()
}

/**
 * Only the requests that may need this proxy: the site's canonical addresses (`/`, `/blog/x`,
 * `/feed.xml`...) never reach it, so a cached page is served as Next serves a static file, with no
 * proxy run per request (bench/throughput.ts). Never Payload's API and admin either (proxying would
 * buffer their uploads), except for the spellings Next would mishandle. Next reads this list at
 * build time, as literals: tests/unit/proxy-matcher.test.ts checks it is the pattern lib/paths/routes.ts's
 * table implies (proxyMatcherPattern).
 */
export const config = {
  // One pattern (Next compiles each one anew for every request it checks), with these alternatives:
  // - odd spellings of the site's addresses: upper case (outside /api, /admin, /_next), a trailing
  //   slash (Next no longer redirects it itself), percent-escapes (Next would answer a 500 for
  //   those that do not decode; a 400 here);
  // - the image optimizer: only uploaded media may be asked for (see isOptimizableImageUrl);
  // - addresses no route serves: they may be stored redirects (isKnownRoutePath), including paths
  //   below /blog deeper than its pages (an old blog's dated permalinks, `/blog/2019/03/x`);
  // - `/?p=<id>`, WordPress's plain address of a post, for imported posts (lib/wordpress/shortLink.ts):
  //   only with that query, so the home page itself never runs the proxy.
  matcher: [
    '/((?!api/|admin/|_next/)[^A-Z]*[A-Z].*|.+/|.*%.*|_next/image|blog/(?!page/[^/]+$)[^/]+/.+|(?!(?:blog|benefits|services|authors|topics|search|contact|og|sitemaps|next|_next|admin|api)(?:/|$))(?!(?:health|feed\\.xml|atom\\.xml|feed\\.json|robots\\.txt|manifest\\.webmanifest|sitemap[^/]*\\.xml|favicon[^/]*)$).+)',
    { source: '/', has: [{ type: 'query', key: 'p', value: '\\d+' }] },
  ],
}
