import Link from 'next/link'

import type { Article, Author } from '../payload-types'
import { routes } from '../lib/site'
import { authorDisplayName } from './AuthorCard'
import { FormattedDate } from './FormattedDate'

type Props = Pick<Article, 'publishedAt' | 'updatedAt'> & {
  author: Pick<Author, 'name' | 'slug' | 'credentials'> | null
}

/** Who wrote it and when: readers of health content look for both dates. */
export function Byline({ author, publishedAt, updatedAt }: Props) {
  return (
    <p className="byline">
      {author ? (
        <>
          By{' '}
          <Link href={routes.author(author.slug)} rel="author">
            {authorDisplayName(author)}
          </Link>
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
  )
}
