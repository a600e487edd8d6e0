import type { Practice } from '../../payload-types'
import { routes } from '../paths/routes'
import { DEFAULT_ACCENT } from './contrast'

/**
 * The practice settings a new site starts with: placeholders she is meant to replace. The name is
 * one nobody would keep, so the dashboard's first-run checklist (lib/onboarding/checklist.ts) can
 * tell it is still the placeholder and ask her to name her practice.
 */
export const PLACEHOLDER_PRACTICE_NAME = 'Your Practice Name'

export const PLACEHOLDER_PRACTICE = {
  name: PLACEHOLDER_PRACTICE_NAME,
  tagline: 'Massage therapy for a healthier body and a calmer mind',
  description:
    'Articles on massage therapy and well-being from a licensed massage therapist: how massage supports circulation, stress relief and immune function.',
  businessType: 'HealthAndBeautyBusiness',
  // 555-01xx numbers are reserved for fiction: nobody's real line.
  telephone: '+1 555-0100',
  email: 'hello@example.com',
  bookingUrl: routes.contact(),
  priceRange: '$$',
  accentColor: DEFAULT_ACCENT,
  address: {
    streetAddress: '123 Example Street',
    addressLocality: 'Springfield',
    addressRegion: 'OR',
    postalCode: '97477',
    addressCountry: 'US',
  },
  openingHours: [
    { days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], opens: '09:00', closes: '17:00' },
    { days: ['saturday'], opens: '10:00', closes: '14:00' },
  ],
  sameAs: [],
  navigation: [
    { label: 'Articles', link: { type: 'url', url: routes.blog() } },
    { label: 'Services', link: { type: 'url', url: routes.services() } },
    { label: 'Benefits of massage', link: { type: 'url', url: routes.benefits() } },
    { label: 'Contact', link: { type: 'url', url: routes.contact() } },
  ],
  footerNote: 'Articles here share general information about massage therapy and are not a substitute for medical advice.',
} satisfies Omit<Practice, 'id'>
