import type { Article, Author } from '@/payload-types'
import { routes } from '@/lib/paths/routes'
import { authorDisplayName } from './AuthorCard'
import { FormattedDate } from './FormattedDate'
import styles from './Byline.module.css'

type Person = Pick<Author, 'name' | 'slug' | 'credentials'>

type Props = Pick<Article, 'publishedAt' | 'updatedAt' | 'lastReviewedAt'> & {
  author: Person | null
  reviewer?: Person | null
}

/**
 * Who wrote it and when: readers of health content look for both dates. A medical review is a
 * line of its own, since "Updated" changes with any edit and the review date does not.
 */
export function Byline({ author, publishedAt, updatedAt, reviewer, lastReviewedAt }: Props) {
  return (
    <>
      <p className={`byline ${styles.byline}`}>
        {author ? (
          <>
            By{' '}
            <a href={routes.author(author.slug)} rel="author">
              {authorDisplayName(author)}
            </a>
          </>
        ) : null}
        {publishedAt ? (
          <>
            {' · '}Published <FormattedDate value={publishedAt} />
          </>
        ) : null}
        {updatedAt ? (
          <>
            {' · '}Updated <FormattedDate value={updatedAt} />
          </>
        ) : null}
      </p>
      {reviewer ? (
        <p className={`review-note ${styles.reviewNote}`}>
          Reviewed by <a href={routes.author(reviewer.slug)}>{authorDisplayName(reviewer)}</a>
          {lastReviewedAt ? (
            <>
              {' '}on <FormattedDate value={lastReviewedAt} />
            </>
          ) : null}
        </p>
      ) : null}
    </>
  )
}
