import type { CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { previewButtonUrl } from '../lib/paths/preview'
import type { PublicPageCollection } from '../lib/paths/routes'
import { anyone, authenticated } from './access'
import { redirectOldSlug, rememberLiveSlug } from './hooks/redirectOldSlug'
import { rememberMenuLink, rememberPublicState, revalidateAfterChange, revalidateAfterDelete } from './hooks/revalidate'

type OwnHooks = {
  /** The collection's own, run before the shared ones. */
  beforeChange?: CollectionBeforeChangeHook[]
  /** The collection's own, run before the cache purge. */
  afterDelete?: CollectionAfterDeleteHook[]
}

/**
 * A collection whose documents each have a public page (lib/paths/routes.ts PUBLIC_PAGES). What
 * they share: anyone reads and logged-in users write (unless the collection gives its own access,
 * as Articles do for drafts); the admin's "Preview" button opens the document's page
 * (lib/paths/preview.ts); an old address keeps working after a slug change (a permanent redirect
 * to the document); and every change purges the site's cache of it (collections/hooks/revalidate.ts),
 * for a collection with drafts only when what visitors see changes, and the practice's menu when it
 * links to the document.
 */
export function publicPageCollection<S extends PublicPageCollection>(
  config: Omit<CollectionConfig<S>, 'hooks'> & { slug: S },
  { beforeChange = [], afterDelete = [] }: OwnHooks = {},
): CollectionConfig<S> {
  return {
    access: { read: anyone, create: authenticated, update: authenticated, delete: authenticated },
    ...config,
    admin: { ...config.admin, preview: previewButtonUrl(config.slug) },
    hooks: {
      beforeChange: [...beforeChange, rememberLiveSlug, ...(config.versions ? [rememberPublicState] : [])],
      afterChange: [redirectOldSlug, revalidateAfterChange],
      beforeDelete: [rememberMenuLink],
      afterDelete: [...afterDelete, revalidateAfterDelete],
    },
  }
}
