import { env } from './env'

/**
 * Where the site lives and how it is laid out. Who it belongs to (name, tagline, description, logo)
 * is hers to set in the admin: the practice settings, read through lib/queries/practice.ts.
 */
export const site = {
  locale: 'en',
  url: env.SITE_URL,
  postsPerPage: 10,
} as const

/** Absolute URL on the public site for a path such as `/blog/my-article`. */
export function absoluteUrl(pathname: string): string {
  return `${site.url}${pathname.startsWith('/') ? pathname : `/${pathname}`}`
}

export const routes = {
  home: () => '/',
  blog: (page = 1) => (page <= 1 ? '/blog' : `/blog/page/${page}`),
  article: (slug: string) => `/blog/${slug}`,
  benefits: () => '/benefits',
  benefit: (slug: string) => `/benefits/${slug}`,
  services: () => '/services',
  service: (slug: string) => `/services/${slug}`,
  author: (slug: string) => `/authors/${slug}`,
  topic: (slug: string) => `/topics/${slug}`,
  search: (query?: string, page = 1) => {
    const params = new URLSearchParams()
    if (query) params.set('q', query)
    if (page > 1) params.set('page', String(page))
    const qs = params.toString()
    return qs ? `/search?${qs}` : '/search'
  },
  contact: () => '/contact',
  /** Where a sent contact form lands: the message is stored by then. */
  contactThanks: () => '/contact/thanks',
  rssFeed: () => '/feed.xml',
  atomFeed: () => '/atom.xml',
  jsonFeed: () => '/feed.json',
  sitemap: () => '/sitemap.xml',
  /** The web app manifest: her practice's name and icon for a phone's home screen. */
  manifest: () => '/manifest.webmanifest',
  /** Generated share image for a page without an uploaded one (1200×630 PNG). */
  ogImage: (collection: 'articles' | 'benefits' | 'authors' | 'topics', slug: string) => `/og/${collection}/${slug}`,
  /** Generated share image for site-wide pages (home, lists); also the practice's logo in JSON-LD. */
  ogDefaultImage: () => '/og/site/default',
} as const
