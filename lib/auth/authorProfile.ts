import type { User } from '../../payload-types'

/**
 * Logins and bylines stay apart: `authors` are public profiles, `users` are private logins. A login
 * may point at one profile ("Your author profile"), which signs the articles it writes.
 */

/** A relationship's id, whether the value is the id or the populated document. */
export const idOf = (value: unknown): string | null => {
  if (typeof value === 'string' && value) return value
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return null
}

/** The id of the profile a signed-in user writes as, if they have one. */
export function authorProfileOf(user: unknown): string | null {
  return idOf((user as Pick<User, 'author'> | null | undefined)?.author)
}
