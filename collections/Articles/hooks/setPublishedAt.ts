import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'

/** The first publish stamps `publishedAt` unless the therapist chose a date herself. */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
