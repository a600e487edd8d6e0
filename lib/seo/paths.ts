import { ARTICLES, AUTHORS, BENEFITS, SERVICES, TOPICS } from '../../collections/slugs'
import { routes } from '../site'

/** The collections that have a public page of their own, and where that page lives. */
export const PUBLIC_PAGE_COLLECTIONS = [ARTICLES, BENEFITS, SERVICES, AUTHORS, TOPICS] as const
export type PublicPageCollection = (typeof PUBLIC_PAGE_COLLECTIONS)[number]

const pathBuilders: Record<PublicPageCollection, (slug: string) => string> = {
  [ARTICLES]: routes.article,
  [BENEFITS]: routes.benefit,
  [SERVICES]: routes.service,
  [AUTHORS]: routes.author,
  [TOPICS]: routes.topic,
}

export function isPublicPageCollection(collection: unknown): collection is PublicPageCollection {
  return typeof collection === 'string' && (PUBLIC_PAGE_COLLECTIONS as readonly string[]).includes(collection)
}

/** Site path of a document's page, e.g. `/benefits/reduces-stress`; null without a slug. */
export function documentPath(collection: PublicPageCollection, slug: string | null | undefined): string | null {
  return slug ? pathBuilders[collection](slug) : null
}

/** Each collection's page address before the slug (`/blog/`): the admin's search-result preview adds the slug as she types. */
export const documentPathPrefixes = Object.fromEntries(
  PUBLIC_PAGE_COLLECTIONS.map((collection) => [collection, pathBuilders[collection]('')]),
) as Record<PublicPageCollection, string>
