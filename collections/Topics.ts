import type { CollectionConfig } from 'payload'

import { slug } from './fields/slug'
import { publicPageCollection } from './publicPage'
import { TOPICS } from '../lib/collections'

export const Topics: CollectionConfig<typeof TOPICS> = publicPageCollection({
  slug: TOPICS,
  labels: { singular: 'Topic', plural: 'Topics' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'description', type: 'textarea', maxLength: 500 },
    slug('name'),
  ],
})
