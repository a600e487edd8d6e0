import type { CollectionConfig } from 'payload'

import { anyone, authenticated } from './access'
import { slug } from './fields/slug'
import { redirectOldSlug, rememberLiveSlug } from './hooks/redirectOldSlug'
import { TOPICS } from './slugs'

export const Topics: CollectionConfig<typeof TOPICS> = {
  slug: TOPICS,
  labels: { singular: 'Topic', plural: 'Topics' },
  access: { read: anyone, create: authenticated, update: authenticated, delete: authenticated },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  defaultSort: 'name',
  // An old address keeps working after a slug change (a permanent redirect to this document).
  hooks: { beforeChange: [rememberLiveSlug], afterChange: [redirectOldSlug] },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'description', type: 'textarea', maxLength: 500 },
    slug('name'),
  ],
}
