import type { CollectionConfig } from 'payload'

import { previewButtonUrl } from '@/lib/paths/preview'
import { anyone, authenticated } from './access'
import { slug } from './fields/slug'
import { redirectOldSlug, rememberLiveSlug } from './hooks/redirectOldSlug'
import { revalidateAfterChange, revalidateAfterDelete } from './hooks/revalidate'
import { TOPICS } from '@/lib/collections'

export const Topics: CollectionConfig<typeof TOPICS> = {
  slug: TOPICS,
  labels: { singular: 'Topic', plural: 'Topics' },
  access: { read: anyone, create: authenticated, update: authenticated, delete: authenticated },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], preview: previewButtonUrl(TOPICS) },
  defaultSort: 'name',
  // An old address keeps working after a slug change (a permanent redirect to this document);
  // every change purges the site's cache of this collection (collections/hooks/revalidate.ts).
  hooks: {
    beforeChange: [rememberLiveSlug],
    afterChange: [redirectOldSlug, revalidateAfterChange],
    afterDelete: [revalidateAfterDelete],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'description', type: 'textarea', maxLength: 500 },
    slug('name'),
  ],
}
