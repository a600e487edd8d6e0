import type { CollectionBeforeChangeHook, PayloadRequest, RelationshipField, Validate, Where } from 'payload'

import { authorProfileOf, idOf } from '../../lib/auth/authorProfile'
import { SLUG_MAX_LENGTH, slugify } from '../../lib/paths/slug'
import type { User } from '../../payload-types'
import { AUTHOR_NAME_MAX_LENGTH } from '../Authors'
import { AUTHORS, USERS } from '../../lib/collections'

/**
 * Logins and bylines stay apart: `authors` are public profiles, `users` are private logins. A login
 * may point at one profile ("Your author profile"), which signs the articles it writes. The link
 * lives on the login, so nothing public ever names or leads to an account.
 */

const ONE_LOGIN_PER_PROFILE = 'Another login already writes as this author profile. Each profile belongs to one login at most.'

/**
 * At most one login per profile, checked on save. Not a unique index: MongoDB's would count every
 * login without a profile (null) as the same value and refuse the second one, and the stand-in
 * the tests run MongoDB on enforces no index at all.
 */
const oneLoginPerProfile: Validate = async (value, { id, req, event }) => {
  const profile = idOf(value)
  // The picker only offers free profiles; the database is asked once, when saving.
  if (!profile || event === 'onChange') return true
  const others = await req.payload.count({
    collection: USERS,
    where: { and: [{ author: { equals: profile } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
    overrideAccess: true,
    req,
  })
  return others.totalDocs === 0 || ONE_LOGIN_PER_PROFILE
}

export const authorProfileField: RelationshipField = {
  name: 'author',
  label: 'Your author profile',
  type: 'relationship',
  relationTo: AUTHORS,
  admin: {
    description:
      'The public profile your articles are signed with (name, photo, credentials, bio). Empty: one is made from your name when you write your first article. Visitors see the profile, never this login.',
  },
  // Offers only the profiles no other login writes as.
  filterOptions: async ({ id, req }): Promise<Where | true> => {
    const taken = await req.payload.find({
      collection: USERS,
      where: { and: [{ author: { exists: true } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
      select: { author: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const ids = taken.docs.map((user) => idOf(user.author)).filter((profile): profile is string => Boolean(profile))
    return ids.length > 0 ? { id: { not_in: ids } } : true
  },
  validate: oneLoginPerProfile,
}

/**
 * The first account (Payload's first-register screen, on a new site) writes as the site's author
 * when the site has exactly one profile: on the seeded site, Janet's, whose articles she then owns.
 * Runs after firstUserIsAdmin, so only an admin's creation is looked at (the first account is one).
 */
export const firstUserWritesAsSoleAuthor: CollectionBeforeChangeHook<User> = async ({ data, operation, req }) => {
  if (operation !== 'create' || data.author || data.role !== 'admin') return data
  const { totalDocs: users } = await req.payload.count({ collection: USERS, req, overrideAccess: true })
  if (users > 0) return data
  const profiles = await req.payload.find({ collection: AUTHORS, depth: 0, limit: 2, select: { name: true }, overrideAccess: true, req })
  return profiles.docs.length === 1 ? { ...data, author: profiles.docs[0].id } : data
}

/** "janet.doe@example.com" → "Janet Doe": a readable name when the account has none. */
function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? ''
  const words = local.split(/[._+-]+/).filter(Boolean)
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') || 'Author'
}

/** `base`, or `base-2`, `base-3`… : the first slug no profile has yet (a guest may share her name). */
async function freeAuthorSlug(req: PayloadRequest, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const { totalDocs } = await req.payload.count({ collection: AUTHORS, where: { slug: { equals: candidate } }, overrideAccess: true, req })
    if (totalDocs === 0) return candidate
  }
}

/**
 * The signed-in user's profile id, made for them (from their name, or their e-mail address when
 * they gave no name) and linked to their login the first time they write. Runs inside the
 * article's save (same request, same transaction where the database has them).
 */
export async function writersProfile(req: PayloadRequest): Promise<string | null> {
  const user = req.user as (User & { collection?: string }) | null
  if (!user || (user.collection && user.collection !== USERS)) return null
  const linked = authorProfileOf(user)
  if (linked) return linked
  const name = (user.name?.trim() || nameFromEmail(user.email)).slice(0, AUTHOR_NAME_MAX_LENGTH)
  // Room for a "-2" when a guest author has the same name.
  const base = slugify(name).slice(0, SLUG_MAX_LENGTH - 4).replace(/-+$/, '') || 'author'
  const profile = await req.payload.create({
    collection: AUTHORS,
    data: { name, slug: await freeAuthorSlug(req, base) },
    depth: 0,
    overrideAccess: true,
    req,
  })
  await req.payload.update({ collection: USERS, id: user.id, data: { author: profile.id }, depth: 0, overrideAccess: true, req })
  // The rest of this request (a second article in the same call, the response) sees the link.
  user.author = profile.id
  return profile.id
}
