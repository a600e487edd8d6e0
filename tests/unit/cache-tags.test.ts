import { CACHED_COLLECTIONS, tags, tagsToRevalidate } from '@/lib/cache/tags'

describe('tagsToRevalidate', () => {
  it('purges the collection and the article on publish', () => {
    expect(tagsToRevalidate({ collection: 'articles', before: null, after: { slug: 'sleep' } })).toEqual([
      tags.articles,
      tags.article('sleep'),
    ])
  })

  it('purges once when an edit keeps the slug', () => {
    expect(tagsToRevalidate({ collection: 'articles', before: { slug: 'sleep' }, after: { slug: 'sleep' } })).toEqual([
      'articles',
      'articles:sleep',
    ])
  })

  it('purges the old and the new address when the slug changes', () => {
    expect(tagsToRevalidate({ collection: 'benefits', before: { slug: 'calm' }, after: { slug: 'calmer' } })).toEqual([
      'benefits',
      'benefits:calm',
      'benefits:calmer',
    ])
  })

  it('purges the address that goes away on unpublish and delete', () => {
    expect(tagsToRevalidate({ collection: 'authors', before: { slug: 'janet' }, after: null })).toEqual(['authors', 'authors:janet'])
  })

  it('purges nothing when the document was never public and still is not', () => {
    expect(tagsToRevalidate({ collection: 'articles', before: null, after: null })).toEqual([])
  })

  it('purges only the collection for documents without a page', () => {
    expect(tagsToRevalidate({ collection: 'media', before: { slug: null }, after: { slug: null } })).toEqual(['media'])
    expect(tagsToRevalidate({ collection: 'redirects', before: null, after: {} })).toEqual(['redirects'])
  })

  it('names one tag per cached collection, distinct from every document tag', () => {
    const collectionTags = CACHED_COLLECTIONS.map((collection) => tagsToRevalidate({ collection, before: null, after: {} })[0])
    expect(new Set(collectionTags).size).toBe(CACHED_COLLECTIONS.length)
    expect(collectionTags).not.toContain(tags.article('articles'))
  })
})
