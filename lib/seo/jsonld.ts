import type {
  BlogPosting,
  BreadcrumbList,
  CollectionPage,
  CreativeWork,
  Graph,
  ImageObject,
  ItemList,
  MedicalTherapy,
  MedicalWebPage,
  Person,
  ProfilePage,
  SearchAction,
  Thing,
  WebPage,
  WebSite,
  WithActionConstraints,
} from 'schema-dts'

import type { Article, Author, Benefit, Media, Topic } from '../../payload-types'
import { populated, populatedList } from '../queries/populated'
import { toPlainText } from '../richtext/lexical'
import { absoluteUrl } from '../paths/urls'
import { routes } from '../paths/routes'
import { site as siteConfig } from '../config/site'
import { type BusinessInput, businessNode, type ServiceOfferInput } from './business'
import type { Crumb } from './breadcrumbs'
import { jsonLdIds, ref } from './ids'
import {
  absoluteMediaUrl,
  authorDescription,
  BENEFITS_DESCRIPTION,
  BENEFITS_TITLE,
  blogDescription,
  blogTitle,
  canonicalUrl,
  pageDescription,
  shareImage,
  type ShareImage,
  siteAbout,
  type SiteIdentity,
  topicDescription,
  truncateAtWord,
} from './metadata'
import { storedSummary } from './summary'

/** Google shows at most 110 characters of an article headline. */
export const HEADLINE_MAX_LENGTH = 110

export { jsonLdIds }

/** The practice, as every page's graph names it (lib/queries/practice.ts reads it). */
export type SiteGraphInput = BusinessInput
const isoDate = (value: string) => new Date(value).toISOString()

/**
 * JSON for a `<script type="application/ld+json">`. `<` is escaped so text from the admin (a
 * title containing `</script>`) can never end the script early; JSON.parse reads it back unchanged.
 */
export function serializeJsonLd(data: Graph): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

export function websiteNode(site: SiteIdentity): WebSite {
  return {
    '@type': 'WebSite',
    '@id': jsonLdIds.website,
    url: siteConfig.url,
    name: site.name,
    description: siteAbout(site),
    inLanguage: siteConfig.locale,
    publisher: ref(jsonLdIds.organization),
    potentialAction: siteSearchAction(),
  }
}

/** Lets search engines offer a search box that lands on the site's own search page. */
function siteSearchAction(): WithActionConstraints<SearchAction> {
  return {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(routes.search())}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  }
}

/**
 * One JSON-LD document per page: the site and the practice (lib/seo/business.ts), then the page's
 * own nodes. Pages that list the services hand them in for the practice's offer catalog.
 */
export function siteGraph(site: SiteGraphInput, nodes: Thing[], services?: ServiceOfferInput[]): Graph {
  return { '@context': 'https://schema.org', '@graph': [websiteNode(site), businessNode(site, services), ...nodes] }
}

export function breadcrumbListNode(trail: Crumb[]): BreadcrumbList {
  const current = trail[trail.length - 1]?.path ?? routes.home()
  return {
    '@type': 'BreadcrumbList',
    '@id': jsonLdIds.breadcrumb(current),
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: canonicalUrl(crumb.path),
    })),
  }
}

/** A page on the site: address, name, description, and where it sits. */
function webPageFields(path: string, name: string, description: string, trail: Crumb[] | null) {
  return {
    '@id': jsonLdIds.webPage(path),
    url: canonicalUrl(path),
    name,
    description,
    inLanguage: siteConfig.locale,
    isPartOf: ref(jsonLdIds.website),
    ...(trail ? { breadcrumb: ref(jsonLdIds.breadcrumb(path)) } : {}),
  }
}

const imageObject = (image: ShareImage): ImageObject => ({
  '@type': 'ImageObject',
  url: image.url,
  width: `${image.width}`,
  height: `${image.height}`,
  caption: image.alt,
})

export type ListedPage = { name: string; path: string }

/** An ordered list of pages (the benefits in their order, a page of articles). */
export function itemListNode(id: string, name: string, items: ListedPage[]): ItemList {
  return {
    '@type': 'ItemList',
    '@id': id,
    name,
    numberOfItems: items.length,
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      url: canonicalUrl(item.path),
    })),
  }
}

export const benefitListItems = (benefits: Pick<Benefit, 'title' | 'slug'>[]): ListedPage[] =>
  benefits.map((benefit) => ({ name: benefit.title, path: routes.benefit(benefit.slug) }))

export const articleListItems = (articles: Pick<Article, 'title' | 'slug'>[]): ListedPage[] =>
  articles.map((article) => ({ name: article.title, path: routes.article(article.slug) }))

export type PersonInput = Pick<Author, 'name' | 'slug' | 'credentials' | 'jobTitle'> &
  Partial<Pick<Author, 'website' | 'socialLinks'>> & { photo?: string | Pick<Media, 'url' | 'alt' | 'sizes'> | null }

/** A credential line such as "LMT, CMT" names one credential per comma. */
export const credentialNames = (credentials: string | null | undefined) =>
  (credentials ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)

export function personNode(author: PersonInput): Person {
  const sameAs = [author.website, ...(author.socialLinks ?? []).map((link) => link.url)].filter(
    (url): url is string => Boolean(url),
  )
  const credentials = credentialNames(author.credentials)
  const photoUrl = populated(author.photo)?.url
  return {
    '@type': 'Person',
    '@id': jsonLdIds.person(author.slug),
    name: author.name,
    url: canonicalUrl(routes.author(author.slug)),
    ...(author.jobTitle ? { jobTitle: author.jobTitle } : {}),
    ...(credentials.length > 0
      ? {
          hasCredential: credentials.map((name) => ({
            '@type': 'EducationalOccupationalCredential' as const,
            name,
            credentialCategory: 'license',
          })),
        }
      : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(photoUrl ? { image: absoluteMediaUrl(photoUrl) } : {}),
    worksFor: ref(jsonLdIds.organization),
  }
}

/** What every article here is about. */
export const massageTherapy: MedicalTherapy = {
  '@type': 'MedicalTherapy',
  name: 'Massage therapy',
  sameAs: 'https://en.wikipedia.org/wiki/Massage',
}

type Reference = NonNullable<Article['references']>[number]

export function citationNode(reference: Reference): CreativeWork {
  return {
    '@type': 'CreativeWork',
    name: reference.title,
    ...(reference.url ? { url: reference.url } : {}),
    ...(reference.publisher ? { publisher: { '@type': 'Organization', name: reference.publisher } } : {}),
    ...(reference.year ? { datePublished: String(reference.year) } : {}),
  }
}

export const wordCount = (richText: unknown) => toPlainText(richText).split(/\s+/).filter(Boolean).length

type ImageDoc = Pick<Media, 'alt' | 'sizes'>

export type ArticleJsonLdInput = Pick<
  Article,
  'title' | 'slug' | 'excerpt' | 'summary' | 'content' | 'publishedAt' | 'updatedAt' | 'references' | 'lastReviewedAt'
> & {
  meta?: { description?: string | null; image?: string | ImageDoc | null }
  heroImage?: string | ImageDoc | null
  author?: string | PersonInput | null
  reviewedBy?: string | PersonInput | null
  topics?: (string | Pick<Topic, 'name'>)[] | null
  benefits?: (string | Pick<Benefit, 'title' | 'slug'>)[] | null
}

/**
 * An article's page: a MedicalWebPage (health content, with who reviewed it and when) whose main
 * entity is the BlogPosting, plus its numbered benefits and the breadcrumb trail.
 */
export function articlePageGraph(site: SiteGraphInput, article: ArticleJsonLdInput, trail: Crumb[]): Graph {
  const path = routes.article(article.slug)
  const description = pageDescription(site, article.meta?.description, storedSummary(article))
  const image = shareImage([article.meta?.image, article.heroImage], routes.ogImage('articles', article.slug), article.title)
  const author = populated(article.author)
  const reviewer = populated(article.reviewedBy)
  const topics = populatedList(article.topics).map((topic) => topic.name)
  const benefits = populatedList(article.benefits)
  const references = article.references ?? []
  const posting: BlogPosting = {
    '@type': 'BlogPosting',
    '@id': jsonLdIds.article(path),
    headline: truncateAtWord(article.title, HEADLINE_MAX_LENGTH),
    description,
    image: imageObject(image),
    datePublished: isoDate(article.publishedAt ?? article.updatedAt),
    dateModified: isoDate(article.updatedAt),
    ...(author ? { author: personNode(author) } : {}),
    publisher: ref(jsonLdIds.organization),
    mainEntityOfPage: ref(jsonLdIds.webPage(path)),
    url: canonicalUrl(path),
    inLanguage: siteConfig.locale,
    wordCount: wordCount(article.content),
    ...(topics.length > 0 ? { keywords: topics, articleSection: topics[0] } : {}),
    ...(references.length > 0 ? { citation: references.map(citationNode) } : {}),
    about: massageTherapy,
  }
  const page: MedicalWebPage = {
    '@type': 'MedicalWebPage',
    ...webPageFields(path, article.title, description, trail),
    primaryImageOfPage: imageObject(image),
    mainEntity: posting,
    ...(reviewer ? { reviewedBy: personNode(reviewer) } : {}),
    ...(reviewer && article.lastReviewedAt ? { lastReviewed: isoDate(article.lastReviewedAt) } : {}),
  }
  const nodes: Thing[] = [page, breadcrumbListNode(trail)]
  if (benefits.length > 0) nodes.push(itemListNode(jsonLdIds.itemList(path), `Benefits in “${article.title}”`, benefitListItems(benefits)))
  return siteGraph(site, nodes)
}

/** The home page: the site, the practice with its services, and the page itself (no breadcrumb: it is the root). */
export function homePageGraph(site: SiteGraphInput, services: ServiceOfferInput[] = []): Graph {
  const page: WebPage = {
    '@type': 'WebPage',
    ...webPageFields(routes.home(), site.name, pageDescription(site, site.description), null),
    about: ref(jsonLdIds.organization),
  }
  return siteGraph(site, [page], services)
}

export type CollectionPageInput = {
  path: string
  name: string
  description: string
  items: ListedPage[]
  trail: Crumb[]
}

/** A page listing other pages (the blog, its later pages, a topic, the benefits). */
export function collectionPageGraph(
  site: SiteGraphInput,
  { path, name, description, items, trail }: CollectionPageInput,
  extraNodes: Thing[] = [],
  services?: ServiceOfferInput[],
): Graph {
  const listId = jsonLdIds.itemList(path)
  const page: CollectionPage = {
    '@type': 'CollectionPage',
    ...webPageFields(path, name, pageDescription(site, description), trail),
    mainEntity: ref(listId),
  }
  return siteGraph(site, [page, itemListNode(listId, name, items), breadcrumbListNode(trail), ...extraNodes], services)
}

/** An author's page: a ProfilePage about the Person. */
export function profilePageGraph(
  site: SiteGraphInput,
  author: PersonInput & Pick<Author, 'bio'> & { meta?: { description?: string | null } },
  trail: Crumb[],
): Graph {
  const path = routes.author(author.slug)
  const page: ProfilePage = {
    '@type': 'ProfilePage',
    ...webPageFields(path, author.name, authorDescription(site, author), trail),
    mainEntity: personNode(author),
  }
  return siteGraph(site, [page, breadcrumbListNode(trail)])
}

/** A benefit's own page: a web page about massage therapy, in the benefits trail. */
export function benefitPageGraph(
  site: SiteGraphInput,
  benefit: Pick<Benefit, 'title' | 'slug' | 'summary'> & { meta?: { description?: string | null } },
  trail: Crumb[],
): Graph {
  const path = routes.benefit(benefit.slug)
  const page: WebPage = {
    '@type': 'WebPage',
    ...webPageFields(path, benefit.title, pageDescription(site, benefit.meta?.description, benefit.summary), trail),
    about: massageTherapy,
  }
  return siteGraph(site, [page, breadcrumbListNode(trail)])
}

/** `/blog` and `/blog/page/N`: the articles on that page, newest first. */
export const blogPageGraph = (site: SiteGraphInput, page: number, articles: Pick<Article, 'title' | 'slug'>[], trail: Crumb[]) =>
  collectionPageGraph(site, {
    path: routes.blog(page),
    name: blogTitle(page),
    description: blogDescription(site, page),
    items: articleListItems(articles),
    trail,
  })

/** `/benefits`: every benefit, in the therapist's order. */
export const benefitsIndexGraph = (site: SiteGraphInput, benefits: Pick<Benefit, 'title' | 'slug'>[], trail: Crumb[]) =>
  collectionPageGraph(site, {
    path: routes.benefits(),
    name: BENEFITS_TITLE,
    description: BENEFITS_DESCRIPTION,
    items: benefitListItems(benefits),
    trail,
  })

export const topicPageGraph = (
  site: SiteGraphInput,
  topic: Pick<Topic, 'name' | 'slug' | 'description'> & { meta?: { description?: string | null } },
  articles: Pick<Article, 'title' | 'slug'>[],
  trail: Crumb[],
) =>
  collectionPageGraph(site, {
    path: routes.topic(topic.slug),
    name: topic.name,
    description: topicDescription(site, topic),
    items: articleListItems(articles),
    trail,
  })
