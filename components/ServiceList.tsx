import { formatDuration, formatPrice, isoDuration } from '../lib/practice/format'
import type { ServiceSummaryData } from '../lib/queries/services'
import { routes } from '@/lib/paths/routes'
import { site } from '@/lib/config/site'

type Props = { services: Pick<ServiceSummaryData, 'id' | 'title' | 'slug' | 'summary' | 'durationMinutes' | 'price' | 'currency'>[]; headingLevel?: 2 | 3 }

/** Her services in her order, each with its length and price. */
export function ServiceList({ services, headingLevel = 3 }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul className="service-list">
      {services.map((service) => (
        <li key={service.id} className="service-card">
          <Heading className="service-card__title">
            <a href={routes.service(service.slug)}>{service.title}</a>
          </Heading>
          <p className="service-card__facts">
            <time dateTime={isoDuration(service.durationMinutes)}>{formatDuration(service.durationMinutes)}</time>
            {' · '}
            <strong>{formatPrice(service.price, service.currency, site.locale)}</strong>
          </p>
          <p className="service-card__summary">{service.summary}</p>
        </li>
      ))}
    </ul>
  )
}
