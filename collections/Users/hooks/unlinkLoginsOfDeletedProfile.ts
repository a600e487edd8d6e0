import type { CollectionAfterDeleteHook } from 'payload'

import { USERS } from '../../../lib/collections'

/**
 * A deleted profile no longer signs anyone's articles: the logins that wrote as it are unlinked
 * (SQLite's foreign key would do it; MongoDB keeps no such rule, so it is done here for both).
 */
export const unlinkLoginsOfDeletedProfile: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.update({
    collection: USERS,
    where: { author: { equals: id } },
    data: { author: null },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
