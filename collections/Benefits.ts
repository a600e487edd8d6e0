import type { CollectionConfig } from 'payload'

import { searchText } from './fields/searchText'
import { slug } from './fields/slug'
import { publicPageCollection } from './publicPage'
import { BENEFITS } from '../lib/collections'

/** A benefit of massage ("Increases circulation"), reusable across articles. */
export const Benefits: CollectionConfig<typeof BENEFITS> = publicPageCollection({
  slug: BENEFITS,
  labels: { singular: 'Benefit', plural: 'Benefits' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'summary', 'order'],
    description: 'The benefits of massage your articles list. Each has its own page.',
  },
  defaultSort: 'order',
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 120 },
    {
      name: 'summary',
      type: 'textarea',
      required: true,
      maxLength: 300,
      admin: { description: 'One sentence, shown in lists and search results.' },
    },
    { name: 'description', type: 'richText' },
    slug('title'),
    {
      name: 'order',
      type: 'number',
      label: 'Display order',
      index: true,
      admin: { position: 'sidebar', description: 'Lower numbers come first on the benefits page.' },
    },
    searchText([{ field: 'title' }, { field: 'summary' }, { field: 'description', richText: true }]),
  ],
})
