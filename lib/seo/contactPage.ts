import type { ContactPage, Graph } from 'schema-dts'

import { routes } from '../paths/routes'
import { site as siteConfig } from '../config/site'
import type { Crumb } from './breadcrumbs'
import type { ServiceOfferInput } from './business'
import { jsonLdIds, ref } from './ids'
import { breadcrumbListNode, type SiteGraphInput, siteGraph } from './jsonld'
import { canonicalUrl, pageDescription, type SiteIdentity } from './metadata'

export const contactDescription = (site: SiteIdentity) =>
  `Write to ${site.name}: questions about massage therapy, or a good time for your first appointment. Address, phone and opening hours.`

/** `/contact`: a ContactPage about the practice, whose node carries the address, hours and offers. */
export function contactPageGraph(site: SiteGraphInput, services: ServiceOfferInput[], trail: Crumb[]): Graph {
  const path = routes.contact()
  const page: ContactPage = {
    '@type': 'ContactPage',
    '@id': jsonLdIds.webPage(path),
    url: canonicalUrl(path),
    name: 'Contact',
    description: pageDescription(site, contactDescription(site)),
    inLanguage: siteConfig.locale,
    isPartOf: ref(jsonLdIds.website),
    breadcrumb: ref(jsonLdIds.breadcrumb(path)),
    about: ref(jsonLdIds.organization),
  }
  return siteGraph(site, [page, breadcrumbListNode(trail)], services)
}
