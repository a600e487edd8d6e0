import { absoluteUrl } from '../paths/urls'
import { routes } from '../paths/routes'
import { site } from '../config/site'
import { canonicalUrl } from './metadata'

/** A node id is its page's address plus a fragment; the home page's keeps its slash (`…/#webpage`). */
const nodeId = (path: string, fragment: string) => `${absoluteUrl(canonicalUrl(path).slice(site.url.length) || '/')}#${fragment}`

/** Stable node ids: every page's graph names the same site and practice, so crawlers merge them. */
export const jsonLdIds = {
  website: nodeId('/', 'website'),
  /** The practice (a LocalBusiness of her chosen type): publisher of the articles, employer of the authors. */
  organization: nodeId('/', 'organization'),
  webPage: (path: string) => nodeId(path, 'webpage'),
  breadcrumb: (path: string) => nodeId(path, 'breadcrumb'),
  article: (path: string) => nodeId(path, 'article'),
  itemList: (path: string) => nodeId(path, 'list'),
  person: (slug: string) => nodeId(routes.author(slug), 'person'),
  service: (slug: string) => nodeId(routes.service(slug), 'service'),
  offerCatalog: nodeId(routes.services(), 'catalog'),
}

export const ref = (id: string) => ({ '@id': id })
