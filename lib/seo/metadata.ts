import type { Metadata } from 'next'

import type { Article, Author, Benefit, Media, Practice, Topic } from '../../payload-types'
import { populated, populatedList } from '../queries/populated'
import { toPlainText } from '../richtext/lexical'
import { absoluteUrl } from '../paths/urls'
import { routes } from '../paths/routes'
import { site as siteConfig } from '../config/site'
import {
  collapseWhitespace as collapse,
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_MIN_LENGTH,
  storedSummary,
  truncateAtWord,
} from './summary'

export const TITLE_MAX_LENGTH = 70
export { DESCRIPTION_MAX_LENGTH, DESCRIPTION_MIN_LENGTH, truncateAtWord }
export const TITLE_SEPARATOR = ' · '
/**
 * Who the site belongs to, as her practice settings say (lib/queries/practice.ts): every title,
 * share card, feed and description that names the site takes it from here, never from code.
 */
export type SiteIdentity = Pick<Practice, 'name' | 'tagline' | 'description'>
const titleSuffix = (site: SiteIdentity) => `${TITLE_SEPARATOR}${site.name}`
/** What the site is about, for pages with too little text of their own. */
export const siteAbout = (site: SiteIdentity) => site.description?.trim() || site.tagline?.trim() || site.name
/** "Name · tagline", the home page's title. */
export const siteTitle = (site: SiteIdentity) => (site.tagline?.trim() ? `${site.name}${TITLE_SEPARATOR}${site.tagline.trim()}` : site.name)
/** What Open Graph and Twitter cards crop to; Payload's `og` image size is made to match. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const

/** Trims to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function toDescription(text: string | null | undefined, max = DESCRIPTION_MAX_LENGTH): string {
  return truncateAtWord(text, max)
}

type TextCandidate = string | null | undefined

/**
 * A description search engines show whole (50–160 characters): the first text the page has,
 * trimmed at a word. Text too short to describe anything is followed by what the site is about,
 * so a one-line summary still tells a searcher whose page this is.
 */
export function pageDescription(site: SiteIdentity, ...candidates: TextCandidate[]): string {
  const own = candidates.map((candidate) => toDescription(candidate)).find(Boolean) ?? ''
  if (own.length >= DESCRIPTION_MIN_LENGTH) return own
  if (!own) return toDescription(siteAbout(site))
  const sentence = /[.!?…]$/.test(own) ? own : `${own}.`
  return toDescription(`${sentence} ${siteAbout(site)}`)
}

/**
 * The whole `<title>`: "Page · Her practice" within 70 characters, the page part cut at a word.
 * A title that already names the site (a meta title, the home page) keeps its own form.
 */
export function documentTitle(site: SiteIdentity, title: string): string {
  const clean = collapse(title)
  const suffix = titleSuffix(site)
  if (clean.endsWith(suffix)) {
    const page = clean.slice(0, -suffix.length)
    return `${truncateAtWord(page, TITLE_MAX_LENGTH - suffix.length)}${suffix}`
  }
  if (clean === site.name || clean.startsWith(`${site.name}${TITLE_SEPARATOR}`)) return truncateAtWord(clean, TITLE_MAX_LENGTH)
  return `${truncateAtWord(clean, TITLE_MAX_LENGTH - suffix.length)}${suffix}`
}

/**
 * The one public address of a page: absolute, from SITE_URL, without query or fragment. The home
 * page is the bare origin, as Next writes it in `<link rel="canonical">`.
 */
export function canonicalUrl(path: string): string {
  const pathname = path.split(/[?#]/)[0] || '/'
  return pathname === '/' ? siteConfig.url : absoluteUrl(pathname)
}

/** Media URLs are site paths with local storage, already absolute with cloud storage. */
export const absoluteMediaUrl = (url: string) => (/^https?:\/\//.test(url) ? url : absoluteUrl(url))

export type ShareImage = { url: string; width: number; height: number; alt: string }
type ImageDoc = Pick<Media, 'alt' | 'sizes'>

/** The 1200×630 crop Payload made of an upload; null when the upload is too small to have one. */
export function uploadedShareImage(image: string | ImageDoc | null | undefined): ShareImage | null {
  const doc = populated(image)
  const og = doc?.sizes?.og
  if (!doc || !og?.url || og.width !== SHARE_IMAGE_SIZE.width || og.height !== SHARE_IMAGE_SIZE.height) return null
  return { url: absoluteMediaUrl(og.url), ...SHARE_IMAGE_SIZE, alt: doc.alt }
}

/**
 * The image a share card shows: the first upload that has a share-sized crop (the SEO image, then
 * the hero or photo), else the generated card at `generatedPath`.
 */
export function shareImage(
  uploads: (string | ImageDoc | null | undefined)[],
  generatedPath: string,
  generatedAlt: string,
): ShareImage {
  for (const upload of uploads) {
    const image = uploadedShareImage(upload)
    if (image) return image
  }
  return { url: absoluteUrl(generatedPath), ...SHARE_IMAGE_SIZE, alt: generatedAlt }
}

export const siteShareImage = (site: SiteIdentity): ShareImage =>
  shareImage([], routes.ogDefaultImage(), site.tagline?.trim() ? `${site.name}: ${site.tagline.trim()}` : site.name)

/**
 * The site's feeds. Next replaces (does not merge) the root layout's `alternates` with a page's,
 * so every page lists them again beside its canonical URL.
 */
export const feedAlternates = (site: SiteIdentity) => ({
  'application/rss+xml': [{ url: absoluteUrl(routes.rssFeed()), title: `${site.name} (RSS)` }],
  'application/atom+xml': [{ url: absoluteUrl(routes.atomFeed()), title: `${site.name} (Atom)` }],
  'application/feed+json': [{ url: absoluteUrl(routes.jsonFeed()), title: `${site.name} (JSON Feed)` }],
})

/** Kept out of search indexes (search results, draft previews) while links are still followed. */
export const noindexRobots = { index: false, follow: true } as const

export const NOT_FOUND_TITLE = 'Page not found'
/**
 * An address with nothing there: the not-found pages (app/(frontend)/not-found.tsx,
 * app/global-not-found.tsx) and a page whose document does not exist (components/NotFoundPage.tsx).
 */
export const notFoundMetadata = { title: NOT_FOUND_TITLE, robots: { index: false } } satisfies Metadata

export type ArticleOpenGraph = {
  publishedTime?: string
  modifiedTime?: string
  /** Author page URLs. */
  authors: string[]
  section?: string
  tags: string[]
}

export type PageMetadataInput = {
  /** The page's own title ("Reduces stress"), or a complete one that already ends with the site name. */
  title: string
  /** The SEO field's title: shared as written, and the `<title>` in place of `title`. */
  metaTitle?: string | null
  /** Candidates in order of preference; the first non-empty one is used. */
  description: TextCandidate | TextCandidate[]
  /** Path on this site, e.g. `/blog/my-article`. */
  path: string
  image?: ShareImage
  type?: 'website' | 'article' | 'profile'
  article?: ArticleOpenGraph
  /** Search results and draft previews: not for search indexes. */
  noindex?: boolean
}

/** One builder for every page's title, description, canonical URL, feeds and share cards. */
export function pageMetadata(site: SiteIdentity, input: PageMetadataInput): Metadata {
  const { title, metaTitle, path, image = siteShareImage(site), type = 'website', article, noindex = false } = input
  const canonical = canonicalUrl(path)
  const description = pageDescription(site, ...[input.description].flat())
  const shareTitle = collapse(metaTitle) || collapse(title)
  const images = [{ url: image.url, width: image.width, height: image.height, alt: image.alt }]
  const common = { title: shareTitle, description, url: canonical, siteName: site.name, locale: 'en_US', images }
  return {
    title: { absolute: documentTitle(site, shareTitle) },
    description,
    alternates: { canonical, types: feedAlternates(site) },
    openGraph: type === 'article' ? { ...common, type, ...article } : { ...common, type },
    twitter: { card: 'summary_large_image', title: shareTitle, description, images: [{ url: image.url, alt: image.alt }] },
    ...(noindex ? { robots: noindexRobots } : {}),
  }
}

/** The site's own icon until she uploads a logo. */
export const DEFAULT_ICON = { url: '/favicon.svg', type: 'image/svg+xml' } as const

type LogoDoc = Pick<Media, 'url' | 'mimeType'> & { sizes?: Pick<NonNullable<Media['sizes']>, 'thumbnail'> | null }

/** Her logo as the browser tab's icon (its small crop when there is one), else the site's own. */
export function siteIcon(logo: LogoDoc | null | undefined): { url: string; type?: string } {
  const url = logo?.sizes?.thumbnail?.url ?? logo?.url
  if (!url) return DEFAULT_ICON
  return logo?.sizes?.thumbnail?.url ? { url } : { url, ...(logo?.mimeType ? { type: logo.mimeType } : {}) }
}

/** The root layout's defaults, for pages that set none of their own (404s). */
export const rootMetadata = (site: SiteIdentity & { logo?: LogoDoc | null }): Metadata => ({
  metadataBase: new URL(siteConfig.url),
  title: { default: siteTitle(site), template: `%s${titleSuffix(site)}` },
  description: toDescription(siteAbout(site)),
  applicationName: site.name,
  alternates: { types: feedAlternates(site) },
  // Named in every page's head, so browsers never go looking for a /favicon.ico that isn't there.
  icons: { icon: siteIcon(site.logo) },
  manifest: routes.manifest(),
})

type SeoFields = { meta?: { title?: string | null; description?: string | null; image?: string | ImageDoc | null } }

export const homeMetadata = (site: SiteIdentity) => pageMetadata(site, { title: siteTitle(site), description: siteAbout(site), path: routes.home() })

export const BLOG_TITLE = 'Articles'
export const BENEFITS_TITLE = 'Benefits of massage therapy'

export const blogTitle = (page: number) => (page <= 1 ? BLOG_TITLE : `${BLOG_TITLE}, page ${page}`)
export const blogDescription = (site: SiteIdentity, page: number) =>
  page <= 1
    ? `Articles on massage therapy, its benefits and everyday well-being from ${site.name}.`
    : `Page ${page} of the articles on massage therapy and well-being from ${site.name}.`

export const blogMetadata = (site: SiteIdentity, page: number) =>
  pageMetadata(site, { title: blogTitle(page), description: blogDescription(site, page), path: routes.blog(page) })

export const BENEFITS_DESCRIPTION =
  'How massage therapy helps the body: better circulation, less stress, lymphatic flow and a stronger immune system, each explained.'

export const benefitsIndexMetadata = (site: SiteIdentity) =>
  pageMetadata(site, { title: BENEFITS_TITLE, description: BENEFITS_DESCRIPTION, path: routes.benefits() })

export type ArticleMetadataInput = Pick<Article, 'title' | 'slug' | 'excerpt' | 'summary' | 'publishedAt' | 'updatedAt'> &
  SeoFields & {
    heroImage?: string | ImageDoc | null
    author?: string | Pick<Author, 'slug'> | null
    topics?: (string | Pick<Topic, 'name'>)[] | null
  }

const isoDate = (value: string | null | undefined) => (value ? new Date(value).toISOString() : undefined)

export function articleMetadata(site: SiteIdentity, article: ArticleMetadataInput): Metadata {
  const author = populated(article.author)
  const topicNames = populatedList(article.topics).map((topic) => topic.name)
  return pageMetadata(site, {
    title: article.title,
    metaTitle: article.meta?.title,
    description: [article.meta?.description, storedSummary(article)],
    path: routes.article(article.slug),
    image: shareImage([article.meta?.image, article.heroImage], routes.ogImage('articles', article.slug), article.title),
    type: 'article',
    article: {
      publishedTime: isoDate(article.publishedAt),
      modifiedTime: isoDate(article.updatedAt),
      authors: author ? [absoluteUrl(routes.author(author.slug))] : [],
      section: topicNames[0],
      tags: topicNames,
    },
  })
}

export type BenefitMetadataInput = Pick<Benefit, 'title' | 'slug' | 'summary'> & SeoFields

export const benefitMetadata = (site: SiteIdentity, benefit: BenefitMetadataInput) =>
  pageMetadata(site, {
    title: benefit.title,
    metaTitle: benefit.meta?.title,
    description: [benefit.meta?.description, benefit.summary],
    path: routes.benefit(benefit.slug),
    image: shareImage([benefit.meta?.image], routes.ogImage('benefits', benefit.slug), benefit.title),
  })

export type AuthorMetadataInput = Pick<Author, 'name' | 'slug' | 'credentials' | 'jobTitle' | 'bio'> &
  SeoFields & { photo?: string | ImageDoc | null }

/** Her own SEO text, else her bio, else who she is. */
export function authorDescription(site: SiteIdentity, author: Omit<AuthorMetadataInput, 'slug'>): string {
  const role = [author.jobTitle, author.credentials].filter(Boolean).join(', ')
  return pageDescription(
    site,
    author.meta?.description,
    toPlainText(author.bio),
    `${author.name}${role ? `, ${role}` : ''}: profile and articles on massage therapy and well-being.`,
  )
}

export function authorMetadata(site: SiteIdentity, author: AuthorMetadataInput): Metadata {
  return pageMetadata(site, {
    title: author.name,
    metaTitle: author.meta?.title,
    description: authorDescription(site, author),
    path: routes.author(author.slug),
    image: shareImage([author.meta?.image, author.photo], routes.ogImage('authors', author.slug), author.name),
    type: 'profile',
  })
}

export type TopicMetadataInput = Pick<Topic, 'name' | 'slug' | 'description'> & SeoFields

export const topicDescription = (site: SiteIdentity, topic: Omit<TopicMetadataInput, 'slug'>) =>
  pageDescription(site, topic.meta?.description, topic.description, `Articles about ${topic.name.toLowerCase()} and massage therapy.`)

export const topicMetadata = (site: SiteIdentity, topic: TopicMetadataInput) =>
  pageMetadata(site, {
    title: topic.name,
    metaTitle: topic.meta?.title,
    description: topicDescription(site, topic),
    path: routes.topic(topic.slug),
    image: shareImage([topic.meta?.image], routes.ogImage('topics', topic.slug), topic.name),
  })
