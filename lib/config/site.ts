import { env } from './env'

/** The one place the site's identity lives; pages, metadata and the admin read it from here. */
export const site = {
  name: 'Wellpress',
  tagline: 'Massage therapy for a healthier body and a calmer mind',
  description:
    'Articles on massage therapy and well-being from a licensed massage therapist: how massage supports circulation, stress relief and immune function.',
  locale: 'en',
  url: env.SITE_URL,
  postsPerPage: 10,
} as const
