import type { CollectionConfig } from 'payload'

import { authenticated } from './access'
import { INQUIRIES } from './slugs'

export const PREFERRED_TIMES = ['any', 'morning', 'afternoon', 'evening', 'weekend'] as const

/**
 * What visitors send through the contact form: a client's first words to the practice. Anyone
 * may create one (the form's own validation, spam checks and rate limit sit in front of that);
 * only logged-in users read them, and nobody edits what the visitor wrote, only its status.
 */
export const Inquiries: CollectionConfig<typeof INQUIRIES> = {
  slug: INQUIRIES,
  labels: { singular: 'Inquiry', plural: 'Inquiries' },
  access: {
    create: () => true,
    read: authenticated,
    update: authenticated,
    delete: authenticated,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'preferredTime', 'status', 'createdAt'],
    description: 'Messages from the contact form. Newest first.',
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', required: true },
        { name: 'phone', type: 'text', maxLength: 40 },
      ],
    },
    {
      name: 'preferredTime',
      type: 'select',
      defaultValue: 'any',
      options: PREFERRED_TIMES.map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1) })),
    },
    { name: 'message', type: 'textarea', required: true, maxLength: 5000 },
    {
      name: 'consent',
      type: 'checkbox',
      required: true,
      admin: { description: 'The visitor agreed to be contacted about this message.' },
    },
    {
      name: 'sourcePath',
      type: 'text',
      admin: { position: 'sidebar', readOnly: true, description: 'The page the message was sent from.' },
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'new',
      index: true,
      options: [
        { value: 'new', label: 'New' },
        { value: 'replied', label: 'Replied' },
        { value: 'closed', label: 'Closed' },
      ],
      admin: { position: 'sidebar' },
    },
  ],
}
