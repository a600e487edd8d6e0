import { routes } from '@/lib/paths/routes'
import { SEARCH_QUERY_MAX_LENGTH } from '@/lib/search/query'
import styles from './SearchForm.module.css'

type Props = {
  /** The current query, so the visitor can refine it. */
  query?: string
  /** Distinguishes the header's form from the search page's (ids must be unique on a page). */
  id: string
  /** The search page shows a visible label; the header's is read by assistive tech only. */
  compact?: boolean
}

/** A plain GET form: search works without JavaScript and every result page has its own URL. */
export function SearchForm({ query = '', id, compact = false }: Props) {
  const inputId = `${id}-q`
  return (
    <form role="search" action={routes.search()} method="get" className={compact ? `${styles.form} ${styles.compact}` : styles.form}>
      <label htmlFor={inputId} className={compact ? 'visually-hidden' : undefined}>
        Search articles, services, benefits and authors
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        defaultValue={query}
        placeholder={compact ? 'Search articles' : undefined}
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        autoComplete="off"
        enterKeyHint="search"
      />
      <button type="submit">Search</button>
    </form>
  )
}
