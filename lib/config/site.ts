import { env } from './env'

/**
 * Where the site lives and how it is laid out. Who it belongs to (name, tagline, description, logo)
 * is hers to set in the admin: the practice settings, read through lib/queries/practice.ts.
 */
export const site = {
  locale: 'en',
  url: env.SITE_URL,
  postsPerPage: 10,
} as const
