import type { CollectionConfig } from 'payload'

import {
  INQUIRY_STATUS_LABELS,
  INQUIRY_STATUSES,
  MESSAGE_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  PREFERRED_TIMES,
} from '../../lib/inquiries/schema'
import { authenticated } from '../access'
import { INQUIRIES } from '../../lib/collections'
import { enforceVisitorRules } from './hooks/enforceVisitorRules'
import { inquiryErrorResponse } from './hooks/inquiryErrorResponse'
import { notifyByEmail } from './hooks/notifyByEmail'

export { PREFERRED_TIMES }

/**
 * What visitors send through the contact form: a client's first words to the practice. Anyone
 * may create one, through the visitor rules in hooks/enforceVisitorRules.ts (lib/inquiries/schema.ts,
 * rate limit, honeypot, held for review past the site-wide cap); only logged-in users read them, and nobody edits what the visitor wrote,
 * only its status. A new one (not a held one) e-mails NOTIFY_EMAIL when SMTP is configured.
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
    group: 'Practice',
  },
  defaultSort: '-createdAt',
  hooks: {
    beforeOperation: [enforceVisitorRules],
    afterChange: [notifyByEmail],
    afterError: [inquiryErrorResponse],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: NAME_MAX_LENGTH },
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', required: true },
        { name: 'phone', type: 'text', maxLength: PHONE_MAX_LENGTH },
      ],
    },
    {
      name: 'preferredTime',
      type: 'select',
      defaultValue: 'any',
      options: PREFERRED_TIMES.map((value) => ({ value, label: value[0].toUpperCase() + value.slice(1) })),
    },
    { name: 'message', type: 'textarea', required: true, maxLength: MESSAGE_MAX_LENGTH },
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
      options: INQUIRY_STATUSES.map((value) => ({ value, label: INQUIRY_STATUS_LABELS[value] })),
      admin: {
        position: 'sidebar',
        description: '“Held for review”: sent while many messages arrived at once (most likely bots); the e-mail notification was skipped.',
      },
    },
  ],
}
