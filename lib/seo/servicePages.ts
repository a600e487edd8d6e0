import type { Graph, WebPage } from 'schema-dts'

import type { Media, Service } from '../../payload-types'
import { formatDuration, formatPrice } from '../practice/format'
import { toPlainText } from '../richtext/lexical'
import { routes } from '../paths/routes'
import { site as siteConfig } from '../config/site'
import type { Crumb } from './breadcrumbs'
import { type ServiceOfferInput, serviceNode } from './business'
import { jsonLdIds, ref } from './ids'
import { breadcrumbListNode, collectionPageGraph, type SiteGraphInput, siteGraph } from './jsonld'
import { canonicalUrl, pageDescription, pageMetadata, shareImage, type SiteIdentity } from './metadata'

export const SERVICES_TITLE = 'Services and prices'

export const servicesDescription = (site: SiteIdentity) =>
  `The massage treatments ${site.name} offers, with the length and price of each, and how to book a session.`

export const servicesIndexMetadata = (site: SiteIdentity) =>
  pageMetadata(site, { title: SERVICES_TITLE, description: servicesDescription(site), path: routes.services() })

type ImageDoc = Pick<Media, 'alt' | 'sizes'>
export type ServicePageInput = ServiceOfferInput &
  Pick<Service, 'description'> & { meta?: { title?: string | null; description?: string | null; image?: string | ImageDoc | null } | null }

/** "60 min · $80": what a service's description starts from when it has no SEO text of its own. */
const facts = (service: ServiceOfferInput) =>
  `${formatDuration(service.durationMinutes)} · ${formatPrice(service.price, service.currency, siteConfig.locale)}`

export const serviceDescription = (site: SiteIdentity, service: ServicePageInput) =>
  pageDescription(site, service.meta?.description, `${service.summary} ${facts(service)}.`)

export const serviceMetadata = (site: SiteIdentity, service: ServicePageInput) =>
  pageMetadata(site, {
    title: service.title,
    metaTitle: service.meta?.title,
    description: serviceDescription(site, service),
    path: routes.service(service.slug),
    image: shareImage([service.meta?.image], routes.ogDefaultImage(), service.title),
  })

/** `/services`: the list, and the practice's offer catalog with every price. */
export const servicesIndexGraph = (site: SiteGraphInput, services: ServiceOfferInput[], trail: Crumb[]): Graph =>
  collectionPageGraph(
    site,
    {
      path: routes.services(),
      name: SERVICES_TITLE,
      description: servicesDescription(site),
      items: services.map((service) => ({ name: service.title, path: routes.service(service.slug) })),
      trail,
    },
    services.map((service) => serviceNode(service)),
    services,
  )

/** `/services/<slug>`: a web page about the Service, whose Offer the practice provides. */
export function servicePageGraph(site: SiteGraphInput, service: ServicePageInput, trail: Crumb[]): Graph {
  const path = routes.service(service.slug)
  const description = serviceDescription(site, service)
  const page: WebPage = {
    '@type': 'WebPage',
    '@id': jsonLdIds.webPage(path),
    url: canonicalUrl(path),
    name: service.title,
    description,
    inLanguage: siteConfig.locale,
    isPartOf: ref(jsonLdIds.website),
    breadcrumb: ref(jsonLdIds.breadcrumb(path)),
    mainEntity: ref(jsonLdIds.service(service.slug)),
  }
  const details = toPlainText(service.description).trim()
  return siteGraph(site, [page, serviceNode({ ...service, description: details || service.summary }), breadcrumbListNode(trail)])
}
