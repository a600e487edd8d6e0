import type { Access, FieldAccess, Where } from 'payload'

import type { User } from '../payload-types'

/** Access predicates shared by the collections. Public = anonymous visitors of the site or API. */

export const anyone: Access = () => true

export const authenticated: Access = ({ req: { user } }) => Boolean(user)

const PUBLISHED_ONLY: Where = { _status: { equals: 'published' } }

/** Logged-in users see drafts; everyone else only what has been published. */
export const authenticatedOrPublished: Access = ({ req: { user } }) => (user ? true : PUBLISHED_ONLY)

export const isAdmin = (user: unknown): boolean => (user as Pick<User, 'role'> | null)?.role === 'admin'

export const admins: Access = ({ req: { user } }) => isAdmin(user)

export const adminsOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdmin(user)) return true
  return { id: { equals: user.id } }
}

export const adminsFieldLevel: FieldAccess = ({ req: { user } }) => isAdmin(user)
