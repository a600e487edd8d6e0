import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '../../../payload-types'
import { USERS } from '../../../lib/collections'

/** Whoever creates the first account (Payload's first-register screen) runs the site: admin. */
export const firstUserIsAdmin: CollectionBeforeChangeHook<User> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: USERS, req, overrideAccess: true })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
