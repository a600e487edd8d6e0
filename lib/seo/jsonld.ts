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
  Organization,
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
import { site } from '../config/site'
import type { Crumb } from './breadcrumbs'
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
  siteShareImage,
  topicDescription,
  truncateAtWord,
} from './metadata'
import { storedSummary } from './summary'

/** Google shows at most 110 characters of an article headline. */
export const HEADLINE_MAX_LENGTH = 110

/** A node id is its page's address plus a fragment; the home page's keeps its slash (`…/#webpage`). */
const nodeId = (path: string, fragment: string) => `${absoluteUrl(canonicalUrl(path).slice(site.url.length) || '/')}#${fragment}`

/** Stable node ids: every page's graph names the same site and practice, so crawlers merge them. */
export const jsonLdIds = {
  website: nodeId('/', 'website'),
  organization: nodeId('/', 'organization'),
  webPage: (path: string) => nodeId(path, 'webpage'),
  breadcrumb: (path: string) => nodeId(path, 'breadcrumb'),
  article: (path: string) => nodeId(path, 'article'),
  itemList: (path: string) => nodeId(path, 'list'),
  person: (slug: string) => nodeId(routes.author(slug), 'person'),
}

const ref = (id: string) => ({ '@id': id })
const isoDate = (value: string) => new Date(value).toISOString()

/**
 * JSON for a `<script type="application/ld+json">`. `<` is escaped so text from the admin (a
 * title containing `</script>`) can never end the script early; JSON.parse reads it back unchanged.
 */
export function serializeJsonLd(data: Graph): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

export function websiteNode(): WebSite {
  return {
    '@type': 'WebSite',
    '@id': jsonLdIds.website,
    url: site.url,
    name: site.name,
    description: site.description,
    inLanguage: site.locale,
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

export function organizationNode(): Organization {
  const logo = siteShareImage()
  return {
    '@type': 'Organization',
    '@id': jsonLdIds.organization,
    name: site.name,
    url: site.url,
    description: site.description,
    // A raster image is what Google accepts as a logo; the generated site card is one.
    logo: { '@type': 'ImageObject', url: logo.url, width: `${logo.width}`, height: `${logo.height}` },
  }
}

/** One JSON-LD document per page: the site and practice, then the page's own nodes. */
export function siteGraph(nodes: Thing[]): Graph {
  return { '@context': 'https://schema.org', '@graph': [websiteNode(), organizationNode(), ...nodes] }
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
    inLanguage: site.locale,
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
export function articlePageGraph(article: ArticleJsonLdInput, trail: Crumb[]): Graph {
  const path = routes.article(article.slug)
  const description = pageDescription(article.meta?.description, storedSummary(article))
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
    inLanguage: site.locale,
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
  return siteGraph(nodes)
}

/** The home page: the site, the practice and the page itself (no breadcrumb: it is the root). */
export function homePageGraph(): Graph {
  const page: WebPage = {
    '@type': 'WebPage',
    ...webPageFields(routes.home(), site.name, pageDescription(site.description), null),
    about: ref(jsonLdIds.organization),
  }
  return siteGraph([page])
}

export type CollectionPageInput = {
  path: string
  name: string
  description: string
  items: ListedPage[]
  trail: Crumb[]
}

/** A page listing other pages (the blog, its later pages, a topic, the benefits). */
export function collectionPageGraph({ path, name, description, items, trail }: CollectionPageInput): Graph {
  const listId = jsonLdIds.itemList(path)
  const page: CollectionPage = {
    '@type': 'CollectionPage',
    ...webPageFields(path, name, pageDescription(description), trail),
    mainEntity: ref(listId),
  }
  return siteGraph([page, itemListNode(listId, name, items), breadcrumbListNode(trail)])
}

/** An author's page: a ProfilePage about the Person. */
export function profilePageGraph(
  author: PersonInput & Pick<Author, 'bio'> & { meta?: { description?: string | null } },
  trail: Crumb[],
): Graph {
  const path = routes.author(author.slug)
  const page: ProfilePage = {
    '@type': 'ProfilePage',
    ...webPageFields(path, author.name, authorDescription(author), trail),
    mainEntity: personNode(author),
  }
  return siteGraph([page, breadcrumbListNode(trail)])
}

/** A benefit's own page: a web page about massage therapy, in the benefits trail. */
export function benefitPageGraph(benefit: Pick<Benefit, 'title' | 'slug' | 'summary'> & { meta?: { description?: string | null } }, trail: Crumb[]): Graph {
  const path = routes.benefit(benefit.slug)
  const page: WebPage = {
    '@type': 'WebPage',
    ...webPageFields(path, benefit.title, pageDescription(benefit.meta?.description, benefit.summary), trail),
    about: massageTherapy,
  }
  return siteGraph([page, breadcrumbListNode(trail)])
}

/** `/blog` and `/blog/page/N`: the articles on that page, newest first. */
export const blogPageGraph = (page: number, articles: Pick<Article, 'title' | 'slug'>[], trail: Crumb[]) =>
  collectionPageGraph({
    path: routes.blog(page),
    name: blogTitle(page),
    description: blogDescription(page),
    items: articleListItems(articles),
    trail,
  })

/** `/benefits`: every benefit, in the therapist's order. */
export const benefitsIndexGraph = (benefits: Pick<Benefit, 'title' | 'slug'>[], trail: Crumb[]) =>
  collectionPageGraph({
    path: routes.benefits(),
    name: BENEFITS_TITLE,
    description: BENEFITS_DESCRIPTION,
    items: benefitListItems(benefits),
    trail,
  })

export const topicPageGraph = (
  topic: Pick<Topic, 'name' | 'slug' | 'description'> & { meta?: { description?: string | null } },
  articles: Pick<Article, 'title' | 'slug'>[],
  trail: Crumb[],
) =>
  collectionPageGraph({
    path: routes.topic(topic.slug),
    name: topic.name,
    description: topicDescription(topic),
    items: articleListItems(articles),
    trail,
  })
