import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'
import { writersProfile } from '../../Users/authorProfile'

/**
 * An article saved without an author is signed by whoever writes it: their own profile, made for
 * them on their first article when they have none yet. A chosen author (a guest) is kept; with
 * nobody signed in (scripts, the seed) an article may stay unsigned.
 */
export const signWithWritersProfile: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  const author = data.author !== undefined ? data.author : originalDoc?.author
  if (author) return data
  const profile = await writersProfile(req)
  return profile ? { ...data, author: profile } : data
}
