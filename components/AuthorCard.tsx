import type { Author, Media } from '@/payload-types'
import { populated } from '@/lib/queries/populated'
import { routes } from '@/lib/paths/routes'
import { MediaImage } from './MediaImage'
import styles from './AuthorCard.module.css'

type Props = {
  author: Pick<Author, 'name' | 'slug' | 'credentials' | 'jobTitle' | 'signOff' | 'bookingUrl'> & {
    photo?: string | Media | null
  }
  /** Articles end with her sign-off; the home page introduces her instead. */
  showSignOff?: boolean
  children?: React.ReactNode
}

export function authorDisplayName(author: Pick<Author, 'name' | 'credentials'>): string {
  return author.credentials ? `${author.name}, ${author.credentials}` : author.name
}

export function AuthorCard({ author, showSignOff = false, children }: Props) {
  const photo = populated(author.photo)
  return (
    <aside className={`author-card ${styles.card}`} aria-label={`About ${author.name}`}>
      {photo ? <MediaImage image={photo} size="thumbnail" sizes="96px" className={styles.photo} /> : null}
      <div>
        {showSignOff && author.signOff ? <p className={`sign-off ${styles.signOff}`}>{author.signOff}</p> : null}
        <p className={styles.name}>
          <a href={routes.author(author.slug)} rel="author">
            {authorDisplayName(author)}
          </a>
        </p>
        {author.jobTitle ? <p className="muted">{author.jobTitle}</p> : null}
        {children}
        <BookingLink author={author} />
      </div>
    </aside>
  )
}

/**
 * The call to book: her booking page when she has set one; otherwise (unless already on it) her
 * profile, where visitors learn how to reach her.
 */
export function BookingLink({
  author,
  onProfile = false,
}: {
  author: Pick<Author, 'name' | 'slug' | 'bookingUrl'>
  onProfile?: boolean
}) {
  if (author.bookingUrl) {
    return (
      <a className="button" href={author.bookingUrl} rel="noopener">
        Book a massage with {author.name}
      </a>
    )
  }
  if (onProfile) return null
  return (
    <a className="button" href={routes.author(author.slug)}>
      More about {author.name}
    </a>
  )
}
