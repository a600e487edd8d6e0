import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { SearchForm } from '@/components/SearchForm'
import { SearchResults } from '@/components/SearchResults'
import { searchSite } from '@/lib/queries/search'
import { parseSearchParams, SEARCH_QUERY_MAX_LENGTH } from '@/lib/search/query'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { getPractice } from '@/lib/queries/practice'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const pageTitle = (query: string) => (query ? `Search results for "${query}"` : 'Search')

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const request = parseSearchParams(await searchParams)
  const query = request?.query ?? ''
  const practice = await getPractice()
  return pageMetadata(practice, {
    title: pageTitle(query),
    description: `Search the articles, services, benefits of massage and authors of ${practice.name}.`,
    path: routes.search(query, request?.page),
    // Result pages are endless variations of the site's own content: kept out of indexes, while
    // crawlers may still follow their links to the real pages.
    noindex: true,
  })
}

export default async function SearchPage({ searchParams }: Props) {
  const request = parseSearchParams(await searchParams)
  // A malformed page number, or any page past the last one, is a page that does not exist. A plain
  // notFound(): this page renders on every request, where components/NotFoundPage.tsx would answer 200.
  if (!request || (!request.query && request.page > 1)) notFound()
  const results = request.query ? await searchSite(request.query, request.page) : null
  if (request.query && !results) notFound()
  return (
    <>
      <h1>{pageTitle(request.query)}</h1>
      <SearchForm id="search-page" query={request.query} />
      {request.truncated ? (
        <p role="note">Your search was long, so only its first {SEARCH_QUERY_MAX_LENGTH} characters were used.</p>
      ) : null}
      {results ? <SearchResults query={request.query} terms={request.terms} results={results} /> : null}
    </>
  )
}
