import { cache } from 'react'

import { ARTICLES, AUTHORS, BENEFITS, TOPICS } from '../collections'
import { tags } from '../cache/tags'
import type { OgCollection, OgParams, OgSubject } from '../og/content'
import { getPayloadClient } from '../config/payload'
import { populated } from './populated'
import { cachedQuery } from './cached'
import { getPractice } from './practice'

/** A share image shows one document (an article also its author's name): nothing else purges it. */
const ogTags = (collection: OgCollection, slug: string): string[] => {
  switch (collection) {
    case 'articles':
      return [tags.article(slug), tags.authors]
    case 'benefits':
      return [tags.benefit(slug)]
    case 'authors':
      return [tags.author(slug)]
    case 'topics':
      return [tags.topic(slug)]
  }
}

const documentSubject = cachedQuery('getOgSubject', ogTags, async (collection: OgCollection, slug: string): Promise<OgSubject | null> => {
  const payload = await getPayloadClient()
  const bySlug = { overrideAccess: false, where: { slug: { equals: slug } }, limit: 1, pagination: false } as const

  switch (collection) {
    case 'articles': {
      const { docs } = await payload.find({
        ...bySlug,
        collection: ARTICLES,
        depth: 1,
        select: { title: true, author: true },
        populate: { authors: { name: true, credentials: true } },
      })
      const article = docs[0]
      return article ? { collection, title: article.title, author: populated(article.author) } : null
    }
    case 'benefits': {
      const { docs } = await payload.find({ ...bySlug, collection: BENEFITS, depth: 0, select: { title: true, summary: true } })
      return docs[0] ? { collection, ...docs[0] } : null
    }
    case 'authors': {
      const { docs } = await payload.find({
        ...bySlug,
        collection: AUTHORS,
        depth: 0,
        select: { name: true, credentials: true, jobTitle: true },
      })
      return docs[0] ? { collection, ...docs[0] } : null
    }
    case 'topics': {
      const { docs } = await payload.find({ ...bySlug, collection: TOPICS, depth: 0, select: { name: true, description: true } })
      return docs[0] ? { collection, ...docs[0] } : null
    }
  }
})

/**
 * The few fields a share image shows, read as an anonymous visitor (`overrideAccess: false`), so
 * a draft has no image, exactly as it has no page. `null` when nothing public has that slug.
 */
export const getOgSubject = cache(async (params: OgParams): Promise<OgSubject | null> => {
  if (params.collection !== 'site') return documentSubject(params.collection, params.slug)
  const practice = await getPractice()
  return { collection: 'site', tagline: practice.tagline?.trim() || practice.name }
})
