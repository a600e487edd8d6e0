import { CACHED_COLLECTIONS, practiceReadTags, tags, tagsToRevalidate } from '@/lib/cache/tags'
import { MENU_LINK_COLLECTIONS, menuLinksTo } from '@/lib/practice/menu'
import type { Benefit, Practice } from '@/payload-types'

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

describe('the practice and the documents its menu links to', () => {
  const contentTags = [tags.articles, tags.benefits, tags.services, tags.authors, tags.topics]

  it('the practice read carries the practice tag, not those of every collection the menu may link to', () => {
    expect(practiceReadTags).toContain(tags.practice)
    for (const tag of contentTags) expect(practiceReadTags).not.toContain(tag)
  })

  it('a change of an unlinked document leaves the practice alone', () => {
    for (const collection of CACHED_COLLECTIONS) {
      expect(tagsToRevalidate({ collection, before: { slug: 'calm' }, after: { slug: 'calmer' } })).not.toContain(tags.practice)
      expect(tagsToRevalidate({ collection, before: { slug: 'calm' }, after: null, linkedFromMenu: false })).not.toContain(tags.practice)
    }
  })

  it('a linked document purges the practice when renamed, edited, unpublished, published or deleted', () => {
    expect(tagsToRevalidate({ collection: 'services', before: { slug: 'stones' }, after: { slug: 'hot-stones' }, linkedFromMenu: true })).toEqual([
      'services',
      'services:stones',
      'services:hot-stones',
      tags.practice,
    ])
    expect(tagsToRevalidate({ collection: 'benefits', before: { slug: 'calm' }, after: { slug: 'calm' }, linkedFromMenu: true })).toEqual([
      'benefits',
      'benefits:calm',
      tags.practice,
    ])
    expect(tagsToRevalidate({ collection: 'articles', before: { slug: 'sleep' }, after: null, linkedFromMenu: true })).toContain(tags.practice)
    expect(tagsToRevalidate({ collection: 'articles', before: null, after: { slug: 'sleep' }, linkedFromMenu: true })).toContain(tags.practice)
  })

  it('a linked draft that stays unpublished changes nothing, the menu included', () => {
    expect(tagsToRevalidate({ collection: 'articles', before: null, after: null, linkedFromMenu: true })).toEqual([])
  })
})

describe('menuLinksTo', () => {
  const entry = (link: NonNullable<Practice['navigation']>[number]['link']) => ({ label: 'Entry', link })
  const navigation: Practice['navigation'] = [
    entry({ type: 'url', url: '/blog' }),
    entry({ type: 'document', document: { relationTo: 'services', value: 'service-1' } }),
    entry({ type: 'document', document: { relationTo: 'benefits', value: { id: 'benefit-1' } as Benefit } }),
    // An address entry that once opened a document keeps the old choice stored; it opens the address.
    entry({ type: 'url', url: '/contact', document: { relationTo: 'articles', value: 'article-1' } }),
  ]

  it('finds the documents the entries open, by collection and id, populated or not', () => {
    expect(menuLinksTo(navigation, { collection: 'services', id: 'service-1' })).toBe(true)
    expect(menuLinksTo(navigation, { collection: 'benefits', id: 'benefit-1' })).toBe(true)
  })

  it('ignores other documents, the same id in another collection and address entries', () => {
    expect(menuLinksTo(navigation, { collection: 'services', id: 'service-2' })).toBe(false)
    expect(menuLinksTo(navigation, { collection: 'articles', id: 'service-1' })).toBe(false)
    expect(menuLinksTo(navigation, { collection: 'articles', id: 'article-1' })).toBe(false)
    expect(menuLinksTo(null, { collection: 'services', id: 'service-1' })).toBe(false)
  })

  it('every collection the menu can link to has its changes planned (its hooks can purge the practice)', () => {
    for (const collection of MENU_LINK_COLLECTIONS) expect(CACHED_COLLECTIONS).toContain(collection)
  })
})
