import { routes } from '@/lib/paths/routes'
import styles from './Pagination.module.css'

type Props = {
  page: number
  totalPages: number
  /** The address of page N of this list (page 1 may differ, e.g. /blog rather than /blog/page/1). */
  href: (page: number) => string
  /** Names the navigation landmark, e.g. "Blog pages". */
  label: string
  previousText: string
  nextText: string
}

/** Previous/next links for any paginated list; nothing when everything fits on one page. */
export function Pagination({ page, totalPages, href, label, previousText, nextText }: Props) {
  if (totalPages <= 1) return null
  return (
    <nav className={styles.pagination} aria-label={label}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← {previousText}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next">
          {nextText} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}

/** The blog's pages: newest first, so "previous" is newer. */
export function BlogPagination({ page, totalPages }: { page: number; totalPages: number }) {
  return (
    <Pagination
      page={page}
      totalPages={totalPages}
      href={routes.blog}
      label="Blog pages"
      previousText="Newer articles"
      nextText="Older articles"
    />
  )
}
