import { redirectsPlugin } from '@payloadcms/plugin-redirects'

import { anyone, authenticated } from './access'
import { normaliseRedirectFrom } from './hooks/normaliseRedirectFrom'
import { revalidateAfterChange, revalidateAfterDelete } from './hooks/revalidate'
import { ARTICLES, AUTHORS, BENEFITS, REDIRECTS, SERVICES, TOPICS } from '../lib/collections'

/**
 * Redirects the therapist adds by hand (an old address → a page or any URL), plus the ones the
 * slug hooks add when a published page's address changes. Always permanent (301/308), so search
 * engines move the old URL's ranking to the new one.
 */
export const redirects = redirectsPlugin({
  collections: [ARTICLES, BENEFITS, SERVICES, AUTHORS, TOPICS],
  redirectTypes: ['301', '308'],
  redirectTypeFieldOverride: {
    defaultValue: '308',
    admin: { description: 'Both are permanent. 308 keeps the request method; either is right for pages.' },
  },
  overrides: {
    slug: REDIRECTS,
    labels: { singular: 'Redirect', plural: 'Redirects' },
    // Public read: the site looks redirects up as an anonymous visitor (overrideAccess: false).
    access: { read: anyone, create: authenticated, update: authenticated, delete: authenticated },
    admin: {
      group: 'Settings',
      useAsTitle: 'from',
      defaultColumns: ['from', 'to', 'type', 'updatedAt'],
      description: 'Old addresses that now lead somewhere else. Changing a page’s slug adds one automatically.',
    },
    hooks: {
      beforeValidate: [normaliseRedirectFrom],
      // Pages look redirects up through the cache (lib/redirects/find.ts): purge it on change.
      afterChange: [revalidateAfterChange],
      afterDelete: [revalidateAfterDelete],
    },
  },
})
