import type { Field, GlobalConfig } from 'payload'

import { validateAccentColor } from '../../lib/practice/contrast'
import { validateTime, WEEKDAY_LABELS, WEEKDAYS } from '../../lib/practice/hours'
import { validateWebAddress } from '../../lib/practice/links'
import { anyone, authenticated } from '../access'
import { MEDIA, PRACTICE } from '../../lib/collections'
import { MENU_LINK_COLLECTIONS } from '../../lib/practice/menu'
import { purgeSiteAfterChange } from './hooks/purgeSite'

/** schema.org types a massage practice may be; the first is what search engines get by default. */
export const BUSINESS_TYPES = ['HealthAndBeautyBusiness', 'DaySpa', 'MedicalBusiness', 'Physiotherapy'] as const
export type BusinessType = (typeof BUSINESS_TYPES)[number]

const BUSINESS_TYPE_LABELS: Record<BusinessType, string> = {
  HealthAndBeautyBusiness: 'Health and beauty business (massage studio)',
  DaySpa: 'Day spa',
  MedicalBusiness: 'Medical business (clinic)',
  Physiotherapy: 'Physiotherapy practice',
}

const ISO_COUNTRY = /^[A-Z]{2}$/

/**
 * A menu entry: a page of the site (kept right when its address changes: collections/hooks/revalidate.ts
 * purges the practice when a linked document changes) or any address.
 */
const navigationLink: Field = {
  name: 'link',
  type: 'group',
  fields: [
    {
      name: 'type',
      type: 'radio',
      defaultValue: 'url',
      options: [
        { label: 'A page of the site', value: 'document' },
        { label: 'An address', value: 'url' },
      ],
      admin: { layout: 'horizontal' },
    },
    {
      name: 'document',
      type: 'relationship',
      relationTo: [...MENU_LINK_COLLECTIONS],
      admin: { condition: (_, sibling) => sibling?.type === 'document' },
      validate: (value: unknown, { siblingData }: { siblingData: { type?: string } }) =>
        siblingData?.type !== 'document' || Boolean(value) || 'Choose the page this entry opens.',
    },
    {
      name: 'url',
      type: 'text',
      admin: { condition: (_, sibling) => sibling?.type !== 'document', description: 'A page of the site such as /blog, or a full address.' },
      validate: (value: unknown, { siblingData }: { siblingData: { type?: string } }) =>
        siblingData?.type === 'document' ||
        (value ? validateWebAddress(value, { allowSitePath: true }) : 'Enter the address this entry opens.'),
    },
  ],
}

/**
 * Her practice as visitors meet it: name, contact details, hours and look. Every visitor-facing
 * name on the site comes from here (lib/queries/practice.ts); "Wellpress" is only the product.
 * Field names are an API contract (imports, integrations): never rename them.
 */
export const Practice: GlobalConfig<typeof PRACTICE> = {
  slug: PRACTICE,
  label: 'Practice',
  admin: {
    group: 'Settings',
    description: 'Your practice as visitors and search engines see it: every page, feed and share image shows it.',
  },
  access: { read: anyone, update: authenticated },
  hooks: { afterChange: [purgeSiteAfterChange] },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Identity',
          fields: [
            { name: 'name', type: 'text', required: true, maxLength: 80, admin: { description: 'Shown in the header, in every page title and on share images.' } },
            { name: 'tagline', type: 'text', maxLength: 120, admin: { description: 'One line under your name: on the home page and in the footer.' } },
            {
              name: 'description',
              type: 'textarea',
              maxLength: 300,
              admin: { description: 'Two sentences about the practice, for search results and feeds.' },
            },
            {
              name: 'businessType',
              type: 'select',
              required: true,
              defaultValue: BUSINESS_TYPES[0],
              options: BUSINESS_TYPES.map((value) => ({ value, label: BUSINESS_TYPE_LABELS[value] })),
              admin: { description: 'What kind of business search engines should list you as.' },
            },
            { name: 'logo', type: 'upload', relationTo: MEDIA, admin: { description: 'Square works best: it is also the browser tab icon.' } },
            { name: 'heroImage', type: 'upload', relationTo: MEDIA, admin: { description: 'The large picture at the top of the home page.' } },
            {
              name: 'accentColor',
              type: 'text',
              defaultValue: '#2f6b5b',
              validate: (value: string | null | undefined) => validateAccentColor(value),
              admin: { description: 'Links and buttons, as a hex code (#2f6b5b). It must be dark enough to read on the page.' },
            },
            { name: 'footerNote', type: 'textarea', maxLength: 400, admin: { description: 'A line at the foot of every page.' } },
          ],
        },
        {
          label: 'Contact and booking',
          fields: [
            { name: 'telephone', type: 'text', maxLength: 40 },
            { name: 'email', type: 'email' },
            {
              name: 'bookingUrl',
              type: 'text',
              validate: (value: unknown) => validateWebAddress(value, { allowSitePath: true }),
              admin: { description: 'Where "Book a session" leads: your booking system, or /contact.' },
            },
            { name: 'priceRange', type: 'text', maxLength: 20, admin: { description: 'For search engines, such as $$ or "$60–$120".' } },
            {
              name: 'address',
              type: 'group',
              fields: [
                { name: 'streetAddress', type: 'text' },
                { name: 'addressLocality', type: 'text', label: 'Town or city' },
                { name: 'addressRegion', type: 'text', label: 'Region or state' },
                { name: 'postalCode', type: 'text' },
                {
                  name: 'addressCountry',
                  type: 'text',
                  label: 'Country code',
                  maxLength: 2,
                  validate: (value: string | null | undefined) =>
                    !value || ISO_COUNTRY.test(value) || 'Use the two capital letters of the country code (ISO 3166-1), such as US, GB or DE.',
                  admin: { description: 'Two letters: US, GB, DE…' },
                },
              ],
            },
            {
              name: 'geo',
              type: 'group',
              admin: { description: 'Optional: where the map pin goes (decimal degrees).' },
              fields: [
                { name: 'latitude', type: 'number', min: -90, max: 90 },
                { name: 'longitude', type: 'number', min: -180, max: 180 },
              ],
            },
            {
              name: 'openingHours',
              type: 'array',
              labels: { singular: 'Opening hours', plural: 'Opening hours' },
              admin: { description: 'One row per set of days with the same hours. Days in no row are shown as closed.' },
              fields: [
                {
                  name: 'days',
                  type: 'select',
                  hasMany: true,
                  required: true,
                  options: WEEKDAYS.map((value) => ({ value, label: WEEKDAY_LABELS[value] })),
                },
                { name: 'opens', type: 'text', required: true, validate: (value: string | null | undefined) => validateTime(value), admin: { placeholder: '09:00' } },
                { name: 'closes', type: 'text', required: true, validate: (value: string | null | undefined) => validateTime(value), admin: { placeholder: '17:00' } },
              ],
            },
            {
              name: 'sameAs',
              type: 'array',
              label: 'Social profiles',
              fields: [{ name: 'url', type: 'text', required: true, validate: (value: unknown) => validateWebAddress(value) }],
            },
          ],
        },
        {
          label: 'Menu',
          fields: [
            {
              name: 'navigation',
              type: 'array',
              maxRows: 8,
              admin: { description: 'The entries of the menu in the header, in order.' },
              fields: [{ name: 'label', type: 'text', required: true, maxLength: 40 }, navigationLink],
            },
          ],
        },
      ],
    },
  ],
}
