import type { CollectionConfig } from 'payload'

import { searchText } from './fields/searchText'
import { slug } from './fields/slug'
import { publicPageCollection } from './publicPage'
import { AUTHORS, MEDIA } from '../lib/collections'
import { unlinkLoginsOfDeletedProfile } from './Users/hooks/unlinkLoginsOfDeletedProfile'

const httpUrl = (value: unknown) =>
  !value || (typeof value === 'string' && /^https?:\/\/\S+$/.test(value)) || 'Enter a full web address starting with https://'

export const AUTHOR_NAME_MAX_LENGTH = 120

/** Public author profiles, kept apart from admin logins so a byline never exposes an account. */
export const Authors: CollectionConfig<typeof AUTHORS> = publicPageCollection(
  {
    slug: AUTHORS,
    labels: { singular: 'Author', plural: 'Authors' },
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['name', 'credentials', 'jobTitle'],
      description: 'Public profiles shown in bylines and on author pages.',
    },
    defaultSort: 'name',
    fields: [
      { name: 'name', type: 'text', required: true, maxLength: AUTHOR_NAME_MAX_LENGTH },
      {
        type: 'row',
        fields: [
          { name: 'credentials', type: 'text', admin: { description: 'Shown after your name, e.g. "LMT".' } },
          { name: 'jobTitle', type: 'text', admin: { description: 'e.g. "Licensed Massage Therapist".' } },
        ],
      },
      { name: 'bio', type: 'richText' },
      {
        name: 'signOff',
        type: 'text',
        admin: { description: 'Closes your articles, e.g. "In Health, Janet".' },
      },
      { name: 'photo', type: 'upload', relationTo: MEDIA },
      {
        type: 'row',
        fields: [
          { name: 'website', type: 'text', validate: httpUrl },
          {
            name: 'bookingUrl',
            type: 'text',
            validate: httpUrl,
            admin: { description: 'Where visitors book a session; powers the "Book" buttons.' },
          },
        ],
      },
      {
        name: 'socialLinks',
        type: 'array',
        labels: { singular: 'Social link', plural: 'Social links' },
        fields: [
          {
            name: 'platform',
            type: 'select',
            required: true,
            options: ['instagram', 'facebook', 'linkedin', 'youtube', 'tiktok', 'x', 'other'].map((value) => ({
              value,
              label: value === 'x' ? 'X (Twitter)' : value[0].toUpperCase() + value.slice(1),
            })),
          },
          { name: 'url', type: 'text', required: true, validate: httpUrl },
        ],
      },
      slug('name'),
      searchText([{ field: 'name' }, { field: 'jobTitle' }, { field: 'credentials' }, { field: 'bio', richText: true }]),
    ],
  },
  // A deleted profile leaves no login pointing at it.
  { afterDelete: [unlinkLoginsOfDeletedProfile] },
)
