import { env } from './env'

/** The one place the site's identity lives; pages, metadata and the admin read it from here. */
export const site = {
  name: 'Wellpress',
  tagline: 'Massage therapy for a healthier body and a calmer mind',
  description:
    'Articles on massage therapy and well-being from a licensed massage therapist: how massage supports circulation, stress relief and immune function.',
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
  /** Generated share image for a page without an uploaded one (1200×630 PNG). */
  ogImage: (collection: 'articles' | 'benefits' | 'authors' | 'topics', slug: string) => `/og/${collection}/${slug}`,
  /** Generated share image for site-wide pages (home, lists); also the practice's logo in JSON-LD. */
  ogDefaultImage: () => '/og/site/default',
} as const
