import type { CollectionConfig } from 'payload'

import { env } from '../../lib/env'
import { admins, adminsFieldLevel, adminsOrSelf } from '../access'
import { USERS } from '../slugs'
import { authorProfileField, firstUserWritesAsSoleAuthor } from './authorProfile'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { keepOneAdminOnDelete, keepOneAdminOnDemotion } from './hooks/keepOneAdmin'
import { onlyAdminsChangeRoles } from './hooks/onlyAdminsChangeRoles'

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
    // Five wrong passwords lock the account for 15 minutes (an admin can unlock it sooner).
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
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
    beforeOperation: [onlyAdminsChangeRoles],
    beforeChange: [firstUserIsAdmin, firstUserWritesAsSoleAuthor, keepOneAdminOnDemotion],
    beforeDelete: [keepOneAdminOnDelete],
  },
}
