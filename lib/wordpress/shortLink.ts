/**
 * WordPress's "plain" address of a post, `/?p=123` (also `/index.php?p=123`): every post has it,
 * whatever its pretty permalink, and old links, feeds and bookmarks carry it. It is the one
 * address with a query string that a stored redirect may hold, as exactly `/?p=<id>`: proxy.ts
 * looks it up for requests to `/` that carry `?p=`, and lib/redirects/resolve.ts keeps it when it
 * normalises a redirect's `from`. No imports: proxy.ts runs it on the edge of every such request.
 */
const SHORT_LINK_PATH = /^\/(?:index\.php)?\/?$/i

export function wordpressShortLink(pathname: string, search: URLSearchParams): string | null {
  if (!SHORT_LINK_PATH.test(pathname)) return null
  const id = search.get('p')
  if (!id || !/^\d{1,12}$/.test(id) || Number(id) === 0) return null
  return `/?p=${Number(id)}`
}
