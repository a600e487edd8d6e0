import type { CollectionBeforeValidateHook } from 'payload'

import { normaliseRedirectFrom as canonicalFrom } from '../../lib/redirects/resolve'

/**
 * Stores every redirect's `from` in the one spelling the site looks up (a lowercase path, no
 * trailing slash), whatever was typed or pasted: `https://site/Old-Page/` → `/old-page`.
 */
export const normaliseRedirectFrom: CollectionBeforeValidateHook = ({ data }) => {
  if (data && typeof data.from === 'string') {
    // Nothing usable (say, only spaces) stays as typed, for the field's own validation to report.
    data.from = canonicalFrom(data.from) ?? data.from
  }
  return data
}
