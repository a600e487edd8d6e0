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
} as const
