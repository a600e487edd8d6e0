import { cache } from 'react'
import type { Where } from 'payload'

import { ARTICLES, AUTHORS, BENEFITS, SERVICES } from '../collections'
import type { Benefit, Service } from '../../payload-types'
import { getPayloadClient } from '../config/payload'
import { snippetAround } from '../search/highlight'
import { likeFragments, SEARCH_RESULTS_PER_PAGE, SEARCH_TERMS_MAX, searchTerms } from '../search/query'
import { bodyOfSearchText, rankCandidates, type SearchCandidate } from '../search/rank'
import { documentPath } from '../paths/routes'
import { storedSummary } from '../seo/summary'

/**
 * Most documents of one kind considered per search (newest first). A practice's site has a few
 * dozen pages; ranking happens in memory over this candidate set.
 */
const CANDIDATES_PER_COLLECTION = 200

export type SearchHit = SearchCandidate & {
  id: string
  collection: typeof ARTICLES | typeof BENEFITS | typeof SERVICES | typeof AUTHORS
  href: string
  /** A passage of the body around the first match, when the body matches. */
  snippet: string | null
}

export type SearchResultsPage = { hits: SearchHit[]; total: number; page: number; totalPages: number }

/** `{ and: [ word1 in any field, word2 in any field, … ] }`, with wildcard-free fragments only. */
function anyFieldHasEveryWord(fields: string[], terms: string[]): Where {
  const fragments = [...new Set(terms.slice(0, SEARCH_TERMS_MAX).flatMap(likeFragments))]
  return { and: fragments.map((fragment) => ({ or: fields.map((field) => ({ [field]: { like: fragment } })) })) }
}

/** Anonymous reads, as every visitor: drafts are never candidates. */
const publicRead = { overrideAccess: false, depth: 0, limit: CANDIDATES_PER_COLLECTION, pagination: false } as const

type Candidate = Omit<SearchHit, 'snippet'>

type TitleAndSummaryDoc = Pick<Benefit | Service, 'id' | 'slug' | 'title' | 'summary' | 'searchText' | 'createdAt'>

/** Benefits and services show the same in results: their title, their summary, dated by creation. */
const titleAndSummaryCandidate =
  (collection: typeof BENEFITS | typeof SERVICES) =>
  (doc: TitleAndSummaryDoc): Candidate => ({
    id: doc.id,
    collection,
    href: documentPath(collection, doc.slug) as string,
    title: doc.title,
    summary: doc.summary,
    body: bodyOfSearchText(doc.searchText, [doc.title, doc.summary]),
    date: doc.createdAt,
  })

async function findCandidates(terms: string[]): Promise<Candidate[]> {
  const payload = await getPayloadClient()
  const [articles, benefits, authors, services] = await Promise.all([
    payload.find({
      ...publicRead,
      collection: ARTICLES,
      where: anyFieldHasEveryWord(['title', 'excerpt', 'searchText'], terms),
      select: { title: true, slug: true, excerpt: true, summary: true, searchText: true, publishedAt: true },
      sort: '-publishedAt',
    }),
    payload.find({
      ...publicRead,
      collection: BENEFITS,
      where: anyFieldHasEveryWord(['title', 'summary', 'searchText'], terms),
      select: { title: true, slug: true, summary: true, searchText: true, createdAt: true },
      sort: '-createdAt',
    }),
    payload.find({
      ...publicRead,
      collection: AUTHORS,
      where: anyFieldHasEveryWord(['name', 'jobTitle', 'credentials', 'searchText'], terms),
      select: { name: true, slug: true, jobTitle: true, credentials: true, searchText: true, createdAt: true },
      sort: '-createdAt',
    }),
    payload.find({
      ...publicRead,
      collection: SERVICES,
      where: anyFieldHasEveryWord(['title', 'summary', 'searchText'], terms),
      select: { title: true, slug: true, summary: true, searchText: true, createdAt: true },
      sort: 'order',
    }),
  ])
  return [
    ...articles.docs.map((doc): Candidate => ({
      id: doc.id,
      collection: ARTICLES,
      href: documentPath(ARTICLES, doc.slug) as string,
      title: doc.title,
      summary: storedSummary(doc),
      body: bodyOfSearchText(doc.searchText, [doc.title, doc.excerpt]),
      date: doc.publishedAt ?? null,
    })),
    ...benefits.docs.map(titleAndSummaryCandidate(BENEFITS)),
    ...services.docs.map(titleAndSummaryCandidate(SERVICES)),
    ...authors.docs.map((doc): Candidate => {
      const summary = [doc.credentials, doc.jobTitle].filter(Boolean).join(', ') || null
      return {
        id: doc.id,
        collection: AUTHORS,
        href: documentPath(AUTHORS, doc.slug) as string,
        title: doc.name,
        summary,
        body: bodyOfSearchText(doc.searchText, [doc.name, doc.jobTitle, doc.credentials]),
        date: doc.createdAt,
      }
    }),
  ]
}

/**
 * One page of site search over published articles, benefits, services and authors. `null` when the page is
 * past the last one (the route answers 404, as the blog's pagination does).
 */
export const searchSite = cache(async (query: string, page: number): Promise<SearchResultsPage | null> => {
  const terms = searchTerms(query)
  const ranked = terms.length ? rankCandidates(await findCandidates(terms), terms) : []
  const totalPages = Math.max(1, Math.ceil(ranked.length / SEARCH_RESULTS_PER_PAGE))
  if (page > totalPages) return null
  const start = (page - 1) * SEARCH_RESULTS_PER_PAGE
  const hits = ranked
    .slice(start, start + SEARCH_RESULTS_PER_PAGE)
    .map((hit) => ({ ...hit, snippet: snippetAround(hit.body, terms) }))
  return { hits, total: ranked.length, page, totalPages }
})
