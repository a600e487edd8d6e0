import type { Payload } from 'payload'

import { USERS } from '../collections'
import type { Env } from '../config/env'

/**
 * The first admin, made by the site's operator rather than by whoever reaches /admin first.
 * Payload's "create first user" screen hands the site (and its first account is an admin,
 * collections/Users/hooks/firstUserIsAdmin.ts) to anyone who opens /admin before the owner does.
 * `npm run create-admin` (scripts/create-admin.ts) and, for Docker, ADMIN_EMAIL/ADMIN_PASSWORD at
 * start close that door.
 */
export type AdminCredentials = { email: string; password: string; name?: string }

/** Creates an admin account; refuses an e-mail that already has one (a clear error, nothing changed). */
export async function createAdmin(payload: Payload, { email, password, name }: AdminCredentials) {
  const address = email.trim().toLowerCase()
  const { totalDocs } = await payload.count({ collection: USERS, where: { email: { equals: address } }, overrideAccess: true })
  if (totalDocs > 0) throw new Error(`${address} already has an account: log in with it, or choose another e-mail address.`)
  return payload.create({ collection: USERS, data: { email: address, password, role: 'admin', name }, overrideAccess: true })
}

/**
 * At start (payload.config.ts onInit): with ADMIN_EMAIL and ADMIN_PASSWORD set and no account yet,
 * creates that admin, once. Without them, a production site with no account says, in its log,
 * that /admin is open to the first visitor.
 */
export async function createFirstAdminFromEnv(payload: Payload, env: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD' | 'NODE_ENV' | 'NEXT_PHASE'>) {
  const { totalDocs } = await payload.count({ collection: USERS, overrideAccess: true })
  if (totalDocs > 0) return
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) {
    if (env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build') {
      payload.logger.warn('No admin account yet: whoever opens /admin first can create one. Set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run create-admin`.')
    }
    return
  }
  try {
    await createAdmin(payload, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD })
    payload.logger.info({ msg: 'First admin created from ADMIN_EMAIL', email: env.ADMIN_EMAIL })
  } catch (error) {
    // Another instance starting at the same moment may have created it first.
    const { totalDocs: now } = await payload.count({ collection: USERS, overrideAccess: true })
    if (now === 0) throw error
  }
}
