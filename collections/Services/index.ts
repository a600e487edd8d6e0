import type { CollectionConfig } from 'payload'

import { validateWebAddress } from '../../lib/practice/links'
import { authenticated, authenticatedOrPublished } from '../access'
import { searchText } from '../fields/searchText'
import { slug } from '../fields/slug'
import { publicPageCollection } from '../publicPage'
import { SERVICES } from '../../lib/collections'

const ISO_CURRENCY = /^[A-Z]{3}$/

/** What she offers and what it costs ("Deep tissue massage, 60 minutes, $95"): `/services`. */
export const Services: CollectionConfig<typeof SERVICES> = publicPageCollection({
  slug: SERVICES,
  labels: { singular: 'Service', plural: 'Services' },
  access: {
    create: authenticated,
    read: authenticatedOrPublished,
    readVersions: authenticated,
    update: authenticated,
    delete: authenticated,
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'durationMinutes', 'price', '_status', 'order'],
    description: 'The treatments you offer, with their length and price. Each has its own page and appears on the home page.',
  },
  defaultSort: 'order',
  // Drafts, like articles: only publishing, editing the live service, unpublishing and deleting purge what shows it.
  versions: { drafts: true, maxPerDoc: 30 },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 120 },
    {
      name: 'summary',
      type: 'textarea',
      required: true,
      maxLength: 300,
      admin: { description: 'One or two sentences for the services list and search results.' },
    },
    { name: 'description', type: 'richText' },
    {
      type: 'row',
      fields: [
        { name: 'durationMinutes', type: 'number', label: 'Length (minutes)', required: true, min: 5, max: 600, admin: { step: 5 } },
        { name: 'price', type: 'number', required: true, min: 0, max: 100000, admin: { step: 1 } },
        {
          name: 'currency',
          type: 'text',
          required: true,
          defaultValue: 'USD',
          maxLength: 3,
          validate: (value: string | null | undefined) =>
            (typeof value === 'string' && ISO_CURRENCY.test(value)) || 'Use the three capital letters of the currency (ISO 4217), such as USD, EUR or GBP.',
        },
      ],
    },
    {
      name: 'bookingUrl',
      type: 'text',
      validate: (value: unknown) => validateWebAddress(value, { allowSitePath: true }),
      admin: { description: 'Optional: where "Book a session" leads for this service. Empty: your practice’s booking address.' },
    },
    slug('title'),
    {
      name: 'order',
      type: 'number',
      label: 'Display order',
      index: true,
      admin: { position: 'sidebar', description: 'Lower numbers come first.' },
    },
    searchText([{ field: 'title' }, { field: 'summary' }, { field: 'description', richText: true }]),
  ],
})
