import type { Service } from '@/payload-types'
import { site } from '@/lib/config/site'
import { formatDuration, formatPrice, isoDuration } from '@/lib/practice/format'
import styles from './ServiceFacts.module.css'

type Props = { service: Pick<Service, 'durationMinutes' | 'price' | 'currency'> }

/** A service's length and price ("1 h 30 min · $120.50"): on its card and on its own page. */
export function ServiceFacts({ service }: Props) {
  return (
    <p className={`service-card__facts ${styles.facts}`}>
      <time dateTime={isoDuration(service.durationMinutes)}>{formatDuration(service.durationMinutes)}</time>
      {' · '}
      <strong>{formatPrice(service.price, service.currency, site.locale)}</strong>
    </p>
  )
}
