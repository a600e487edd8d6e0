import { isSafeMediaPath } from '@/lib/backup/format'
import { keepsId, objectIdFor, rewriteIds } from '@/lib/backup/ids'
import { restoreOrder } from '@/lib/backup/order'

const UUID = '0edd870a-decf-4597-8505-275575fb2b31'
const OTHER = '5b1e7c0e-2f55-4a4e-8a57-6f1b7f0d9c21'

describe('backup ids', () => {
  it('keeps every id on SQLite and only ObjectId-shaped ones on MongoDB', () => {
    expect(keepsId('sqlite', UUID)).toBe(true)
    expect(keepsId('mongodb', UUID)).toBe(false)
    expect(keepsId('mongodb', '6b0a0ee75e2dadaccab1a467')).toBe(true)
    expect(keepsId('mongodb', 'twelve bytes')).toBe(false) // mongoose would take 12 characters as an id
  })

  it('gives a stable ObjectId that starts with the creation time', () => {
    const id = objectIdFor(UUID, '2026-11-27T23:14:47.224Z')
    expect(id).toMatch(/^[0-9a-f]{24}$/)
    expect(id).toBe(objectIdFor(UUID, '2026-11-27T23:14:47.224Z'))
    expect(id.slice(0, 8)).toBe(Math.floor(Date.parse('2026-11-27T23:14:47.224Z') / 1000).toString(16))
    expect(objectIdFor(OTHER, '2026-11-27T23:14:47.224Z')).not.toBe(id)
  })

  it('rewrites references wherever they sit, and nothing that only contains an id', () => {
    const newIds = new Map([[UUID, 'aaaaaaaaaaaaaaaaaaaaaaaa']])
    const doc = {
      author: UUID,
      benefits: [UUID, OTHER],
      to: { reference: { relationTo: 'articles', value: UUID } },
      content: { root: { children: [{ type: 'upload', value: UUID }, { type: 'link', fields: { doc: { value: UUID } } }] } },
      note: `see ${UUID}`,
      count: 3,
      none: null,
    }
    expect(rewriteIds(doc, newIds)).toEqual({
      author: 'aaaaaaaaaaaaaaaaaaaaaaaa',
      benefits: ['aaaaaaaaaaaaaaaaaaaaaaaa', OTHER],
      to: { reference: { relationTo: 'articles', value: 'aaaaaaaaaaaaaaaaaaaaaaaa' } },
      content: { root: { children: [{ type: 'upload', value: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, { type: 'link', fields: { doc: { value: 'aaaaaaaaaaaaaaaaaaaaaaaa' } } }] } },
      note: `see ${UUID}`,
      count: 3,
      none: null,
    })
  })
})

describe('backup restore order', () => {
  it('restores a collection after those its relationship and upload fields point to', () => {
    const order = restoreOrder([
      { slug: 'articles', fields: [{ type: 'upload', relationTo: 'media' }, { type: 'row', fields: [{ type: 'relationship', relationTo: 'authors' }] }] },
      { slug: 'redirects', fields: [{ type: 'group', fields: [{ type: 'relationship', relationTo: ['articles', 'authors'] }] }] },
      { slug: 'authors', fields: [{ type: 'tabs', tabs: [{ fields: [{ type: 'upload', relationTo: 'media' }] }] }] },
      { slug: 'media', fields: [{ type: 'text' }] },
    ])
    expect(order).toEqual(['media', 'authors', 'articles', 'redirects'])
  })

  it('keeps the configured order through a cycle instead of looping', () => {
    const order = restoreOrder([
      { slug: 'a', fields: [{ type: 'relationship', relationTo: 'b' }] },
      { slug: 'b', fields: [{ type: 'relationship', relationTo: 'a' }] },
    ])
    expect(order.sort()).toEqual(['a', 'b'])
  })
})

describe('backup file paths', () => {
  it.each(['photo.webp', 'sizes/photo-300x300.webp'])('accepts %s', (name) => expect(isSafeMediaPath(name)).toBe(true))
  it.each(['../etc/passwd', '/etc/passwd', 'a/../../b', 'a\\b', '', 'a//b', './a', 'a\0b'])('refuses %j', (name) =>
    expect(isSafeMediaPath(name)).toBe(false),
  )
})
