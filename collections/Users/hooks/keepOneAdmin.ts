import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import type { User } from '../../../payload-types'
import { USERS } from '../../../lib/collections'
import { publicError } from './publicError'

const LAST_ADMIN = 'The site needs at least one admin: make someone else an admin first.'

async function adminCount(req: PayloadRequest): Promise<number> {
  const { totalDocs } = await req.payload.count({ collection: USERS, where: { role: { equals: 'admin' } }, req, overrideAccess: true })
  return totalDocs
}

/** Demoting the only admin would leave nobody able to manage users: refused (400). */
export const keepOneAdminOnDemotion: CollectionBeforeChangeHook<User> = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.role !== 'admin' || data.role === undefined || data.role === 'admin') return data
  if ((await adminCount(req)) <= 1) throw publicError('LastAdmin', LAST_ADMIN, 400)
  return data
}

/** Deleting the only admin is refused for the same reason (400). */
export const keepOneAdminOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = await req.payload.findByID({ collection: USERS, id, req, overrideAccess: true, depth: 0, disableErrors: true })
  if (user?.role !== 'admin') return
  if ((await adminCount(req)) <= 1) throw publicError('LastAdmin', LAST_ADMIN, 400)
}
