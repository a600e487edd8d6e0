import { ARTICLES, AUTHORS, BENEFITS, SERVICES, TOPICS } from '../collections'

/**
 * The one table of the site's addresses. Each public collection has a page per document under its
 * prefix; the other sections are the app's own pages and files. Routes, sitemap paths, canonical
 * URLs, redirect targets, the admin's search-result preview and the proxy's matcher (checked by
 * tests/unit/proxy-matcher.test.ts) all derive from it: a new public collection or section is one
 * line here, and a folder under app/(frontend)/.
 */
export const PUBLIC_PAGES = {
  [ARTICLES]: '/blog',
  [BENEFITS]: '/benefits',
  [SERVICES]: '/services',
  [AUTHORS]: '/authors',
  [TOPICS]: '/topics',
} as const

/** The collections that have a public page of their own, and where that page lives. */
export const PUBLIC_PAGE_COLLECTIONS = [ARTICLES, BENEFITS, SERVICES, AUTHORS, TOPICS] as const satisfies readonly (keyof typeof PUBLIC_PAGES)[]
export type PublicPageCollection = (typeof PUBLIC_PAGE_COLLECTIONS)[number]

/** The app's other sections (pages and handlers below a first segment). */
const SECTIONS = {
  search: '/search',
  contact: '/contact',
  /** Generated share images. */
  og: '/og',
  /** The sitemap index's parts. */
  sitemaps: '/sitemaps',
  /** Draft preview on and off (lib/paths/preview.ts). */
  next: '/next',
} as const

/** Paths owned by Next and Payload rather than by the site's pages. */
const FRAMEWORK_PREFIXES = ['/_next', '/admin', '/api'] as const

/** Single files at the site's root. */
const FILES = { health: '/health', rssFeed: '/feed.xml', atomFeed: '/atom.xml', jsonFeed: '/feed.json', robots: '/robots.txt', sitemap: '/sitemap.xml', manifest: '/manifest.webmanifest' } as const

export function isPublicPageCollection(collection: unknown): collection is PublicPageCollection {
  return typeof collection === 'string' && (PUBLIC_PAGE_COLLECTIONS as readonly string[]).includes(collection)
}

const pagePath = (collection: PublicPageCollection) => (slug: string) => `${PUBLIC_PAGES[collection]}/${slug}`

export const routes = {
  home: () => '/',
  blog: (page = 1) => (page <= 1 ? PUBLIC_PAGES[ARTICLES] : `${PUBLIC_PAGES[ARTICLES]}/page/${page}`),
  article: pagePath(ARTICLES),
  benefits: () => PUBLIC_PAGES[BENEFITS],
  benefit: pagePath(BENEFITS),
  services: () => PUBLIC_PAGES[SERVICES],
  service: pagePath(SERVICES),
  author: pagePath(AUTHORS),
  topic: pagePath(TOPICS),
  search: (query?: string, page = 1) => {
    const params = new URLSearchParams()
    if (query) params.set('q', query)
    if (page > 1) params.set('page', String(page))
    const qs = params.toString()
    return qs ? `${SECTIONS.search}?${qs}` : SECTIONS.search
  },
  contact: () => SECTIONS.contact,
  /** Where a sent contact form lands: the message is stored by then. */
  contactThanks: () => `${SECTIONS.contact}/thanks`,
  rssFeed: () => FILES.rssFeed,
  atomFeed: () => FILES.atomFeed,
  jsonFeed: () => FILES.jsonFeed,
  sitemap: () => FILES.sitemap,
  /** The web app manifest: her practice's name and icon for a phone's home screen. */
  manifest: () => FILES.manifest,
  /** Generated share image for a page without an uploaded one (1200×630 PNG). */
  ogImage: (collection: PublicPageCollection, slug: string) => `${SECTIONS.og}/${collection}/${slug}`,
  /** Generated share image for site-wide pages (home, lists); also the practice's logo in JSON-LD. */
  ogDefaultImage: () => `${SECTIONS.og}/site/default`,
} as const

/** Site path of a document's page, e.g. `/benefits/reduces-stress`; null without a slug. */
export function documentPath(collection: PublicPageCollection, slug: string | null | undefined): string | null {
  return slug ? pagePath(collection)(slug) : null
}

/** Each collection's page address before the slug (`/blog/`): the admin's search-result preview adds the slug as she types. */
export const documentPathPrefixes = Object.fromEntries(
  PUBLIC_PAGE_COLLECTIONS.map((collection) => [collection, pagePath(collection)('')]),
) as Record<PublicPageCollection, string>

/** Where the app serves pages of its own; only other paths may need a redirect from proxy.ts. */
export const KNOWN_PREFIXES: readonly string[] = [...Object.values(PUBLIC_PAGES), ...Object.values(SECTIONS), ...FRAMEWORK_PREFIXES]

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Root files, as regular-expression sources over the path without its leading slash. */
export const KNOWN_FILE_PATTERNS: readonly string[] = [
  ...[FILES.health, FILES.rssFeed, FILES.atomFeed, FILES.jsonFeed, FILES.robots, FILES.manifest].map((file) => escapeRegExp(file.slice(1))),
  // The sitemap index and any sitemap Next names after it; favicons in every size.
  'sitemap[^/]*\\.xml',
  'favicon[^/]*',
]
const KNOWN_FILES = new RegExp(`^/(?:${KNOWN_FILE_PATTERNS.join('|')})$`)

/** `/blog`, `/blog/<slug>`, `/blog/page/<n>`: deeper paths (an old blog's dated permalinks) are no page of the site's. */
const BLOG_ROUTE = new RegExp(`^${escapeRegExp(PUBLIC_PAGES[ARTICLES])}(?:/[^/]+|/page/[^/]+)?$`)
const BLOG_PREFIX = PUBLIC_PAGES[ARTICLES]

export function isKnownRoutePath(pathname: string): boolean {
  const path = pathname.toLowerCase()
  if (path === '/' || path === '') return true
  if (path === BLOG_PREFIX || path.startsWith(`${BLOG_PREFIX}/`)) return BLOG_ROUTE.test(path)
  if (KNOWN_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return true
  return KNOWN_FILES.test(path)
}

/**
 * The pattern proxy.ts's `config.matcher` must be, written out from this table. Next reads the
 * matcher at build time as a literal, so proxy.ts spells it out and tests/unit/proxy-matcher.test.ts
 * checks the two are equal: a prefix added here without updating proxy.ts fails that test.
 */
export function proxyMatcherPattern(): string {
  const prefixes = KNOWN_PREFIXES.map((prefix) => escapeRegExp(prefix.slice(1))).join('|')
  return (
    '/((?!api/|admin/|_next/)[^A-Z]*[A-Z].*|.+/|.*%.*|_next/image|' +
    // Deeper than the blog's pages: an old blog's dated permalinks may be stored redirects.
    `${escapeRegExp(BLOG_PREFIX.slice(1))}/(?!page/[^/]+$)[^/]+/.+|` +
    `(?!(?:${prefixes})(?:/|$))(?!(?:${KNOWN_FILE_PATTERNS.join('|')})$).+)`
  )
}
