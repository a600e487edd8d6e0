import type { ServiceSummaryData } from '../lib/queries/services'
import { routes } from '@/lib/paths/routes'
import { ServiceFacts } from './ServiceFacts'

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
          <ServiceFacts service={service} />
          <p className="service-card__summary">{service.summary}</p>
        </li>
      ))}
    </ul>
  )
}
