import type { CollectionBeforeOperationHook } from 'payload'

import { isAdmin } from '../../access'
import type { USERS } from '../../../lib/collections'
import { publicError } from './publicError'

/**
 * The role field is admin-only (field access), which on its own makes Payload drop a
 * non-admin's role change silently and answer 200. An editor asking to become an admin gets a
 * clear 403 instead. Sending the role they already have (the account form does) is fine.
 */
export const onlyAdminsChangeRoles: CollectionBeforeOperationHook<typeof USERS> = ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'update' || overrideAccess || isAdmin(req.user)) return args
  const requested = 'data' in args ? (args.data as { role?: unknown } | undefined)?.role : undefined
  const current = (req.user as { role?: unknown } | null)?.role
  if (requested !== undefined && requested !== current) {
    throw publicError('Forbidden', 'Only an admin can change roles.', 403)
  }
  return args
}
