import { getPractice, type PracticeData } from '../lib/queries/practice'
import { routes } from '@/lib/paths/routes'
import { SiteLink } from './SiteLink'

type Props = {
  practice: Pick<PracticeData, 'bookingUrl'>
  /** A service's own booking address, when it has one. */
  bookingUrl?: string | null
  compact?: boolean
}

/** "Book a session": her booking system (or the contact page while she has none). */
export function BookButton({ practice, bookingUrl, compact = false }: Props) {
  const href = bookingUrl?.trim() || practice.bookingUrl?.trim() || routes.contact()
  return (
    <SiteLink href={href} className={compact ? 'button button--compact' : 'button'}>
      Book a session
    </SiteLink>
  )
}

/** The practice's "Book a session" where a page has no practice at hand (under every article). */
export async function PracticeBookButton() {
  return <BookButton practice={await getPractice()} />
}
