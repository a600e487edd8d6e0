import { normaliseRedirectFrom } from '../redirects/resolve'
import type { WpPost } from './model'
import { wordpressShortLink } from './shortLink'
import type { WxrSite } from './wxr'

/**
 * Addresses of the old WordPress site: which URLs were its own, the old addresses of each post
 * (what becomes a redirect), where its uploaded files lived, and what a link in a post pointed at.
 */

export type OldSite = {
  /** Host names the old site answered on (with and without `www.`). */
  hosts: Set<string>
  /** The blog's home (`wp:base_blog_url`), against which relative links are read. */
  home: URL
  /** The home's path: '' at the root of the domain, `/blog` for a blog in a folder. */
  homePath: string
}

const PLACEHOLDER_HOME = 'http://old-site.invalid/'

function parseUrl(value: string, base?: string | URL): URL | null {
  try {
    return new URL(value, base)
  } catch {
    return null
  }
}

export function oldSite(site: Pick<WxrSite, 'link' | 'baseSiteUrl' | 'baseBlogUrl'>): OldSite {
  const urls = [site.baseBlogUrl, site.link, site.baseSiteUrl]
    .map((value) => (value ? parseUrl(value.trim()) : null))
    .filter((url): url is URL => url !== null && /^https?:$/.test(url.protocol))
  const hosts = new Set<string>()
  for (const url of urls) {
    const host = url.host.toLowerCase()
    hosts.add(host)
    hosts.add(host.startsWith('www.') ? host.slice(4) : `www.${host}`)
  }
  const home = urls[0] ?? new URL(PLACEHOLDER_HOME)
  return { hosts, home, homePath: home.pathname.replace(/\/+$/, '') }
}

/** A link or URL as an address on the old site; null for other sites, anchors and non-web links. */
export function oldSiteUrl(href: string, site: OldSite): URL | null {
  const trimmed = href.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return null
  const isAbsolute = /^[a-z][a-z\d+.-]*:/i.test(trimmed) || trimmed.startsWith('//')
  const url = parseUrl(trimmed, site.home)
  if (!url || !/^https?:$/.test(url.protocol)) return null
  if (isAbsolute && !site.hosts.has(url.host.toLowerCase())) return null
  return url
}

/** How an old address is stored as a redirect's `from`: `/?p=12`, or a canonical path. */
export function oldAddressOf(url: URL): string | null {
  return wordpressShortLink(url.pathname, url.searchParams) ?? normaliseRedirectFrom(url.pathname)
}

/** Percent-escapes as browsers and crawlers send them (upper case); WordPress writes lower case. */
const upperEscapes = (path: string) => path.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase())

/**
 * Every old address of a post that should lead to its article: the path of its `<link>` (its
 * permalink) and `/?p=<id>`. A path with percent-escapes (a slug with accents) is kept in both
 * spellings, since the redirect look-up compares paths as sent.
 */
export function oldAddresses(post: Pick<WpPost, 'id' | 'link' | 'guid'>, site: OldSite): string[] {
  const addresses = new Set<string>()
  for (const candidate of [post.link, post.guid]) {
    const url = candidate ? oldSiteUrl(candidate, site) : null
    const address = url ? oldAddressOf(url) : null
    if (!address || address === '/') continue
    addresses.add(address)
    addresses.add(upperEscapes(address))
  }
  if (post.id > 0) addresses.add(`/?p=${post.id}`)
  return [...addresses]
}

const UPLOADS_PATH = /\/(?:wp-content\/uploads|wp-content\/blogs\.dir\/\d+\/files|files)\/(.+)$/i

/** A file's path below wp-content/uploads (`2019/03/photo.jpg`), or null for other URLs. */
export function uploadPath(url: URL): string | null {
  const match = UPLOADS_PATH.exec(url.pathname)
  if (!match) return null
  let path: string
  try {
    path = decodeURIComponent(match[1])
  } catch {
    return null
  }
  return safeRelativePath(path)
}

/** A relative path with no way out of the folder it is read in (`..`, absolute, backslashes). */
export function safeRelativePath(path: string): string | null {
  const clean = path.replace(/^\/+/, '')
  if (clean === '' || clean.includes('\\') || clean.includes('\0') || clean.split('/').some((part) => part === '..' || part === '.')) return null
  return clean
}

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic|heif|svg)$/i

export const isImagePath = (path: string) => IMAGE_FILE.test(path)

/** `photo-1024x683.jpg` → `photo.jpg`: the sizes WordPress made of an upload lead to the original. */
export const originalOfSize = (path: string) => path.replace(/-\d+x\d+(?=\.[a-z0-9]+$)/i, '')

/** `photo-scaled.jpg` (WordPress's stand-in for a very large upload) → `photo.jpg`. */
export const withoutEditSuffix = (path: string) => path.replace(/-(?:scaled|rotated)(?=\.[a-z0-9]+$)/i, '')

/** What a link in a post points at, once the old site's addresses are known. */
export type LinkTarget =
  | { kind: 'post'; postId: number }
  | { kind: 'image'; key: string }
  | { kind: 'url'; url: string; note?: string }
  | { kind: 'none'; note?: string }

export type AddressBook = {
  site: OldSite
  /** Old address (as `oldAddressOf` spells it) → the id of the imported post living there. */
  postByAddress: ReadonlyMap<string, number>
  /** The media key of an uploaded image this URL shows (any of its sizes), or null. */
  imageKey: (url: URL) => string | null
  /** A category's new page (`/topics/sleep`) when it became a topic. */
  categoryPath: (nicename: string) => string | null
}

const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript):/i

/**
 * Classifies a link of a post: another imported post (it becomes an internal link, which follows
 * the article wherever its slug goes), one of the old site's images (a link to the imported
 * file), a category (its topic page), or a URL kept as it is. Links to pages of the old site
 * that were not imported are kept and named in the summary: they break once the old site is gone.
 */
export function classifyLink(href: string, book: AddressBook): LinkTarget {
  const trimmed = href.trim()
  if (trimmed === '') return { kind: 'none' }
  const unsafe = UNSAFE_SCHEME.exec(trimmed)
  if (unsafe) return { kind: 'none', note: `a "${unsafe[1].toLowerCase()}:" link (removed; its words are kept)` }
  const url = oldSiteUrl(trimmed, book.site)
  if (!url) return { kind: 'url', url: trimmed }

  const image = book.imageKey(url)
  if (image) return { kind: 'image', key: image }
  const address = oldAddressOf(url)
  const postId = address ? book.postByAddress.get(address) : undefined
  if (postId !== undefined) return { kind: 'post', postId }

  const { homePath } = book.site
  const path = url.pathname.replace(/\/+$/, '')
  if (path === homePath || path === '') return { kind: 'url', url: '/' }
  const category = path.startsWith(`${homePath}/category/`) ? path.split('/').at(-1) : undefined
  const topic = category ? book.categoryPath(decodeURIComponentSafe(category)) : null
  if (topic) return { kind: 'url', url: topic }
  if (uploadPath(url)) return { kind: 'url', url: trimmed, note: `a link to a file on the old site, not imported (${url.pathname})` }
  return { kind: 'url', url: trimmed, note: `a link to ${url.pathname}${url.search} on the old site, which was not imported` }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
