import type { SearchHit, SearchResultsPage } from '@/lib/queries/search'
import { highlight } from '@/lib/search/highlight'
import { SEARCH_RESULTS_PER_PAGE } from '@/lib/search/query'
import { routes } from '@/lib/paths/routes'
import { FormattedDate } from './FormattedDate'
import { Pagination } from './Pagination'
import styles from './SearchResults.module.css'

const KIND_LABEL: Record<SearchHit['collection'], string> = {
  articles: 'Article',
  benefits: 'Benefit of massage',
  services: 'Service',
  authors: 'Author',
}

/** Matching words wrapped in <mark>; every other character is escaped text, as React renders it. */
function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlight(text, terms).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  )
}

function SearchResult({ hit, terms }: { hit: SearchHit; terms: string[] }) {
  return (
    <article className={styles.result}>
      <h2 className={styles.title}>
        <a href={hit.href}>
          <Highlighted text={hit.title} terms={terms} />
        </a>
      </h2>
      <p className={`${styles.meta} muted`}>
        {KIND_LABEL[hit.collection]}
        {hit.collection === 'articles' && hit.date ? (
          <>
            {' · '}
            <FormattedDate value={hit.date} />
          </>
        ) : null}
      </p>
      {hit.summary ? (
        <p>
          <Highlighted text={hit.summary} terms={terms} />
        </p>
      ) : null}
      {hit.snippet ? (
        <p>
          <Highlighted text={hit.snippet} terms={terms} />
        </p>
      ) : null}
    </article>
  )
}

type Props = { query: string; terms: string[]; results: SearchResultsPage }

export function SearchResults({ query, terms, results }: Props) {
  const { hits, total, page, totalPages } = results
  if (total === 0) {
    return <p role="status">No results for “{query}”. Try fewer or different words.</p>
  }
  const first = (page - 1) * SEARCH_RESULTS_PER_PAGE + 1
  return (
    <>
      <p role="status" className="muted">
        {total === 1 ? '1 result' : `${total} results`} for “{query}”
        {totalPages > 1 ? ` (showing ${first}–${first + hits.length - 1})` : ''}
      </p>
      <ol className={`search-results ${styles.results}`}>
        {hits.map((hit) => (
          <li key={`${hit.collection}:${hit.id}`}>
            <SearchResult hit={hit} terms={terms} />
          </li>
        ))}
      </ol>
      <Pagination
        page={page}
        totalPages={totalPages}
        href={(n) => routes.search(query, n)}
        label="Search results pages"
        previousText="Previous results"
        nextText="More results"
      />
    </>
  )
}
