import type { Payload } from 'payload'

import { ARTICLES, AUTHORS, PRACTICE, USERS } from '../collections'
import { authorProfileOf } from '../auth/authorProfile'
import type { User } from '../../payload-types'
import { PLACEHOLDER_PRACTICE_NAME } from '../practice/placeholder'
import { toPlainText } from '../richtext/lexical'
import { SAMPLE_AUTHOR } from '../seed'

/**
 * The first-run checklist at the top of the admin dashboard: what a new site still needs from
 * her. Every item is worked out from the data each time the dashboard renders, so it ticks itself
 * off when the thing is done, wherever it was done. Adding an item is one more entry in
 * FIRST_RUN_CHECKS.
 */
export type ChecklistItem = {
  key: string
  label: string
  /** What is left to do, or what was done. */
  detail: string
  /** Where in the admin to do it. */
  href: string
  done: boolean
}

export type ChecklistContext = { payload: Payload; user: User; adminRoute: string }

export type ChecklistCheck = (context: ChecklistContext) => Promise<ChecklistItem>

const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`

/**
 * "Check your author profile": done once the profile her articles are signed with has a photo
 * and a bio of her own. The seeded bio is a sample; the seeded credentials ("LMT") may well be
 * right, so they only need to be there.
 */
export const authorProfileChecked: ChecklistCheck = async ({ payload, user, adminRoute }) => {
  const profileId = authorProfileOf(user)
  const base = { key: 'author-profile', label: 'Check your author profile' }
  if (!profileId) {
    return {
      ...base,
      done: false,
      detail: 'Your articles are signed with an author profile: one is made from your name with your first article, or choose one in your account.',
      href: `${adminRoute}/account`,
    }
  }
  const profile = await payload.findByID({
    collection: AUTHORS,
    id: profileId,
    depth: 0,
    select: { name: true, photo: true, credentials: true, bio: true },
    overrideAccess: true,
    disableErrors: true,
  })
  const href = `${adminRoute}/collections/${AUTHORS}/${profileId}`
  if (!profile) return { ...base, done: false, detail: 'Your author profile was deleted: choose another one in your account.', href: `${adminRoute}/account` }
  const bio = toPlainText(profile.bio).trim()
  const missing = [
    ...(profile.photo ? [] : ['your photo']),
    ...(profile.credentials?.trim() ? [] : ['your credentials']),
    ...(bio && bio !== SAMPLE_AUTHOR.bio ? [] : ['a bio in your own words']),
  ]
  if (missing.length === 0) return { ...base, done: true, detail: `${profile.name}: photo, credentials and bio are in place.`, href }
  const sampleCredentials = profile.credentials === SAMPLE_AUTHOR.credentials ? ` Check your credentials too ("${SAMPLE_AUTHOR.credentials}" was filled in as a sample).` : ''
  return { ...base, done: false, detail: `Visitors see it under every article: add ${listed(missing)}.${sampleCredentials}`, href }
}

/**
 * "Write your first article": done once a published article exists that was written on this site,
 * i.e. created after its first login (the seeded article is imported before anyone signs up).
 */
export const firstArticleWritten: ChecklistCheck = async ({ payload, adminRoute }) => {
  const base = { key: 'first-article', label: 'Write your first article', href: `${adminRoute}/collections/${ARTICLES}/create` }
  const [firstLogin] = (
    await payload.find({ collection: USERS, sort: 'createdAt', limit: 1, depth: 0, select: { createdAt: true }, overrideAccess: true })
  ).docs
  const written = await payload.count({
    collection: ARTICLES,
    where: { and: [{ _status: { equals: 'published' } }, ...(firstLogin ? [{ createdAt: { greater_than_equal: firstLogin.createdAt } }] : [])] },
    overrideAccess: true,
  })
  return written.totalDocs > 0
    ? { ...base, done: true, detail: 'Published. Write the next one whenever you like.' }
    : { ...base, done: false, detail: 'A title and a few paragraphs are enough: the address, summary and byline fill themselves in.' }
}

/**
 * "Name your practice": done once the practice settings carry a name other than the seeded
 * placeholder (lib/practice/placeholder.ts). Every header, title, feed and share image shows it.
 */
export const practiceNamed: ChecklistCheck = async ({ payload, adminRoute }) => {
  const base = { key: 'practice-name', label: 'Name your practice', href: `${adminRoute}/globals/${PRACTICE}` }
  const practice = await payload.findGlobal({ slug: PRACTICE, depth: 0, overrideAccess: true, select: { name: true } })
  const name = practice.name?.trim()
  if (name && name !== PLACEHOLDER_PRACTICE_NAME) {
    return { ...base, done: true, detail: `Visitors see “${name}” in the header, page titles, feeds and share images.` }
  }
  return {
    ...base,
    done: false,
    detail: `The site is still called “${PLACEHOLDER_PRACTICE_NAME}”: set your practice's name, address, hours and booking link in Settings → Practice.`,
  }
}

/** In the order the dashboard lists them. */
export const FIRST_RUN_CHECKS: ChecklistCheck[] = [practiceNamed, authorProfileChecked, firstArticleWritten]

export async function firstRunChecklist(context: ChecklistContext): Promise<ChecklistItem[]> {
  return Promise.all(FIRST_RUN_CHECKS.map((check) => check(context)))
}
