import type { CollectionConfig } from 'payload'

import { env } from '../../lib/config/env'
import { admins, adminsFieldLevel, adminsOrSelf } from '../access'
import { USERS } from '../../lib/collections'
import { authorProfileField, firstUserWritesAsSoleAuthor } from './authorProfile'
import { authErrorResponse } from './hooks/authErrorResponse'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { keepOneAdminOnDelete, keepOneAdminOnDemotion } from './hooks/keepOneAdmin'
import { onlyAdminsChangeRoles } from './hooks/onlyAdminsChangeRoles'
import { paceResetMails } from './hooks/paceResetMails'
import { throttleLogins, unlockEverywhere } from './hooks/throttleLogins'

export const ROLES = ['admin', 'editor'] as const

/**
 * Admin logins. Never public: bylines use the separate `authors` collection (a login may point at
 * the one profile it writes as: ./authorProfile.ts).
 * Admins manage every account; an editor sees and edits only their own (name, email, password)
 * and can never change a role, create or delete accounts. Content collections are open to both.
 */
export const Users: CollectionConfig<typeof USERS> = {
  slug: USERS,
  auth: {
    // Payload's lock (n wrong passwords lock the account for everyone) is off: anyone could lock
    // the therapist out. Failed logins are limited per address instead: hooks/throttleLogins.ts.
    maxLoginAttempts: 0,
    cookies: {
      sameSite: 'Lax',
      // Browsers only send Secure cookies over https: on when the public site is served that way.
      secure: env.NODE_ENV === 'production' && env.SITE_URL.startsWith('https://'),
    },
  },
  access: {
    admin: ({ req: { user } }) => Boolean(user),
    read: adminsOrSelf,
    create: admins,
    update: adminsOrSelf,
    delete: admins,
    unlock: admins,
  },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role'] },
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: [
        { label: 'Admin (manages users and everything)', value: 'admin' },
        { label: 'Editor (writes and publishes)', value: 'editor' },
      ],
      access: { create: adminsFieldLevel, update: adminsFieldLevel },
      admin: { description: 'The very first account of a new site is always an admin, whatever is chosen here.' },
    },
    authorProfileField,
  ],
  hooks: {
    beforeOperation: [onlyAdminsChangeRoles, throttleLogins, paceResetMails],
    afterOperation: [unlockEverywhere],
    afterError: [authErrorResponse],
    beforeChange: [firstUserIsAdmin, firstUserWritesAsSoleAuthor, keepOneAdminOnDemotion],
    beforeDelete: [keepOneAdminOnDelete],
  },
}
