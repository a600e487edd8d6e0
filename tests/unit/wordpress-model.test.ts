import { articleStateFor, attachmentFromItem, baseSlug, plainText, postDate, postFromItem } from '../../lib/wordpress/model'
import type { WxrItem } from '../../lib/wordpress/wxr'

const item = (fields: Record<string, string>, meta: Record<string, string> = {}, terms: WxrItem['terms'] = []): WxrItem => ({
  fields,
  meta,
  terms,
  comments: 0,
})

describe('plainText (titles, excerpts, names)', () => {
  it.each([
    ['Massage &amp; Sleep', 'Massage & Sleep'],
    // Decoded once: an escaped entity stays an entity.
    ['Tom &amp;amp; Jerry', 'Tom &amp; Jerry'],
    ['Caf&eacute; &#8211; &#x2019;tis', 'Café – ’tis'],
    ['Why <em>you</em>  need\n rest', 'Why you need rest'],
    ['5 < 6 tips', '5 < 6 tips'],
    ['', ''],
  ])('%j → %j', (html, text) => {
    expect(plainText(html)).toBe(text)
  })
})

describe('postDate', () => {
  it('prefers the GMT date, then the RSS date with its zone, then the local date read as UTC', () => {
    expect(postDate({ 'wp:post_date_gmt': '2019-03-12 14:30:00', 'wp:post_date': '2019-03-12 09:30:00' })).toBe('2019-03-12T14:30:00.000Z')
    expect(postDate({ 'wp:post_date_gmt': '0000-00-00 00:00:00', pubDate: 'Tue, 12 Mar 2019 09:30:00 -0500' })).toBe('2019-03-12T14:30:00.000Z')
    // Drafts: no GMT date, and WordPress's "no date" pubDate.
    expect(postDate({ 'wp:post_date_gmt': '0000-00-00 00:00:00', pubDate: 'Mon, 30 Nov -0001 00:00:00 +0000', 'wp:post_date': '2019-05-01 10:00:00' })).toBe(
      '2019-05-01T10:00:00.000Z',
    )
    expect(postDate({})).toBeNull()
    expect(postDate({ 'wp:post_date': 'yesterday' })).toBeNull()
  })
})

describe('articleStateFor', () => {
  it.each([
    ['publish', false, { state: 'published' }],
    ['draft', false, { state: 'draft' }],
    ['pending', false, { state: 'draft' }],
    ['private', false, { state: 'draft' }],
    ['future', false, { state: 'scheduled' }],
    ['trash', false, { skip: 'in the trash' }],
    ['auto-draft', false, { skip: 'an empty auto-draft' }],
    ['inherit', false, { skip: 'status "inherit"' }],
  ] as const)('%s → %j', (status, hasPassword, decision) => {
    expect(articleStateFor({ status, hasPassword })).toEqual(decision)
  })

  it('keeps a password-protected post from going public: a draft, with a note', () => {
    expect(articleStateFor({ status: 'publish', hasPassword: true })).toEqual({ state: 'draft', note: expect.stringMatching(/password-protected/) })
    expect(articleStateFor({ status: 'future', hasPassword: true })).toMatchObject({ state: 'draft' })
  })
})

describe('baseSlug', () => {
  it.each([
    [{ postName: 'massage-and-sleep', title: 'Ignored', id: 1 }, 'massage-and-sleep'],
    [{ postName: '%c3%bcber-massage', title: 'Über', id: 1 }, 'uber-massage'],
    [{ postName: '', title: 'Hot Stone Massage: The Basics!', id: 1 }, 'hot-stone-massage-the-basics'],
    [{ postName: '%zz-broken', title: 'x', id: 1 }, 'zz-broken'],
    [{ postName: '', title: '???', id: 42 }, 'post-42'],
  ])('%j → %s', (post, slug) => {
    expect(baseSlug(post)).toBe(slug)
  })
})

describe('postFromItem / attachmentFromItem', () => {
  it('reads a post: decoded title and excerpt, categories and tags apart, the featured image, a password', () => {
    const post = postFromItem(
      item(
        {
          title: 'Massage &amp; Sleep',
          'wp:post_id': '101',
          'wp:post_type': 'post',
          'wp:status': 'publish',
          'wp:post_password': 'secret',
          'excerpt:encoded': '<p>Sleep <b>well</b></p>',
          'dc:creator': ' janet ',
          'wp:post_date_gmt': '2019-03-12 14:30:00',
        },
        { _thumbnail_id: '202' },
        [
          { domain: 'category', nicename: 'sleep', name: 'Sleep &amp; Rest' },
          { domain: 'post_tag', nicename: 'rest', name: 'rest' },
          { domain: 'post_format', nicename: 'post-format-aside', name: 'Aside' },
        ],
      ),
    )
    expect(post).toMatchObject({
      id: 101,
      title: 'Massage & Sleep',
      excerpt: 'Sleep well',
      authorLogin: 'janet',
      hasPassword: true,
      thumbnailId: 202,
      date: '2019-03-12T14:30:00.000Z',
      categories: [{ nicename: 'sleep', name: 'Sleep & Rest' }],
      tags: [{ nicename: 'rest', name: 'rest' }],
    })
  })

  it('reads an attachment: its file below uploads, alt text and caption', () => {
    expect(
      attachmentFromItem(
        item(
          { 'wp:post_id': '201', title: 'sleep-room', 'wp:attachment_url': 'https://old.example/wp-content/uploads/2019/03/sleep-room.jpg', 'excerpt:encoded': 'Our room', 'wp:post_parent': '101' },
          { _wp_attached_file: '/2019/03/sleep-room.jpg', _wp_attachment_image_alt: 'A dim room' },
        ),
      ),
    ).toMatchObject({ id: 201, attachedFile: '2019/03/sleep-room.jpg', alt: 'A dim room', caption: 'Our room', parent: 101, title: 'sleep-room' })
  })
})
