import type { CollectionConfig } from 'payload'

import { previewButtonUrl } from '@/lib/paths/preview'
import { anyone, authenticated } from './access'
import { searchText } from './fields/searchText'
import { slug } from './fields/slug'
import { redirectOldSlug, rememberLiveSlug } from './hooks/redirectOldSlug'
import { revalidateAfterChange, revalidateAfterDelete } from './hooks/revalidate'
import { BENEFITS } from '@/lib/collections'

/** A benefit of massage ("Increases circulation"), reusable across articles. */
export const Benefits: CollectionConfig<typeof BENEFITS> = {
  slug: BENEFITS,
  labels: { singular: 'Benefit', plural: 'Benefits' },
  access: { read: anyone, create: authenticated, update: authenticated, delete: authenticated },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'summary', 'order'],
    description: 'The benefits of massage your articles list. Each has its own page.',
    // The "Preview" button: this benefit's page on the site (lib/paths/preview.ts).
    preview: previewButtonUrl(BENEFITS),
  },
  defaultSort: 'order',
  // An old address keeps working after a slug change (a permanent redirect to this document);
  // every change purges the site's cache of this collection (collections/hooks/revalidate.ts).
  hooks: {
    beforeChange: [rememberLiveSlug],
    afterChange: [redirectOldSlug, revalidateAfterChange],
    afterDelete: [revalidateAfterDelete],
  },
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
}
