import { DomUtils, parseDocument } from 'htmlparser2'

import { slugify } from '../paths/slug'
import type { WxrFields, WxrItem } from './wxr'

/**
 * What the importer reads out of a WXR export, typed: posts, attachments (images), authors and
 * terms, with WordPress's quirks settled in one place (HTML-escaped titles, the "0000-00-00" date
 * of drafts, percent-encoded slugs, statuses).
 */

export type WpPost = {
  id: number
  guid: string
  link: string
  type: string
  /** Plain text: tags dropped, HTML entities decoded once. */
  title: string
  /** `wp:post_name` as WordPress stored it (may be empty, or percent-encoded). */
  postName: string
  status: string
  hasPassword: boolean
  /** ISO date (UTC) the post carries, or null when WordPress gave none (drafts). */
  date: string | null
  content: string
  /** Plain text of the excerpt WordPress stored (often empty). */
  excerpt: string
  authorLogin: string
  categories: { nicename: string; name: string }[]
  tags: { nicename: string; name: string }[]
  thumbnailId: number | null
  parent: number
  menuOrder: number
  comments: number
}

export type WpAttachment = {
  id: number
  guid: string
  title: string
  url: string
  /** `_wp_attached_file`: the file's path below wp-content/uploads (`2019/03/photo.jpg`). */
  attachedFile: string
  alt: string
  caption: string
  parent: number
  menuOrder: number
}

export type WpAuthor = { login: string; displayName: string; firstName: string; lastName: string }

export type WpTerm = { nicename: string; name: string; description: string; parent: string }

/** Plain text of a bit of WordPress HTML: tags dropped, entities decoded once, spaces collapsed. */
export function plainText(html: string | undefined): string {
  if (!html) return ''
  return DomUtils.textContent(parseDocument(html, { decodeEntities: true }))
    .replace(/\s+/g, ' ')
    .trim()
}

const integer = (value: string | undefined) => {
  const number = Number.parseInt(value ?? '', 10)
  return Number.isFinite(number) ? number : 0
}

const SQL_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/** `2019-03-12 14:30:00` (as UTC) → ISO, or null for WordPress's "no date" (`0000-00-00 …`). */
function sqlDate(value: string | undefined): string | null {
  const match = SQL_DATE.exec(value?.trim() ?? '')
  if (!match || match[1] === '0000') return null
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/**
 * The post's moment in UTC: `wp:post_date_gmt`, else the RSS `pubDate` (which carries its zone),
 * else the local `wp:post_date` read as UTC (WordPress leaves the GMT date empty on some drafts).
 */
export function postDate(fields: WxrFields): string | null {
  const gmt = sqlDate(fields['wp:post_date_gmt'])
  if (gmt) return gmt
  const pubDate = Date.parse(fields.pubDate ?? '')
  if (Number.isFinite(pubDate) && new Date(pubDate).getUTCFullYear() > 1970) return new Date(pubDate).toISOString()
  return sqlDate(fields['wp:post_date'])
}

export function postFromItem(item: WxrItem): WpPost {
  const { fields } = item
  const terms = (domain: string) =>
    item.terms.filter((term) => term.domain === domain && term.nicename).map((term) => ({ nicename: term.nicename, name: plainText(term.name) }))
  const thumbnail = integer(item.meta._thumbnail_id)
  return {
    id: integer(fields['wp:post_id']),
    guid: (fields.guid ?? '').trim(),
    link: (fields.link ?? '').trim(),
    type: (fields['wp:post_type'] ?? '').trim(),
    title: plainText(fields.title),
    postName: (fields['wp:post_name'] ?? '').trim(),
    status: (fields['wp:status'] ?? '').trim(),
    hasPassword: (fields['wp:post_password'] ?? '') !== '',
    date: postDate(fields),
    content: fields['content:encoded'] ?? '',
    excerpt: plainText(fields['excerpt:encoded']),
    authorLogin: (fields['dc:creator'] ?? '').trim(),
    categories: terms('category'),
    tags: terms('post_tag'),
    thumbnailId: thumbnail > 0 ? thumbnail : null,
    parent: integer(fields['wp:post_parent']),
    menuOrder: integer(fields['wp:menu_order']),
    comments: item.comments,
  }
}

export function attachmentFromItem(item: WxrItem): WpAttachment {
  const { fields, meta } = item
  return {
    id: integer(fields['wp:post_id']),
    guid: (fields.guid ?? '').trim(),
    title: plainText(fields.title),
    url: (fields['wp:attachment_url'] ?? fields.guid ?? '').trim(),
    attachedFile: (meta._wp_attached_file ?? '').trim().replace(/^\/+/, ''),
    alt: plainText(meta._wp_attachment_image_alt),
    caption: plainText(fields['excerpt:encoded']),
    parent: integer(fields['wp:post_parent']),
    menuOrder: integer(fields['wp:menu_order']),
  }
}

export function authorFromFields(fields: WxrFields): WpAuthor {
  return {
    login: fields['wp:author_login'] ?? '',
    displayName: plainText(fields['wp:author_display_name']),
    firstName: plainText(fields['wp:author_first_name']),
    lastName: plainText(fields['wp:author_last_name']),
  }
}

export function categoryFromFields(fields: WxrFields): WpTerm {
  return {
    nicename: fields['wp:category_nicename'] ?? '',
    name: plainText(fields['wp:cat_name']),
    description: plainText(fields['wp:category_description']),
    parent: fields['wp:category_parent'] ?? '',
  }
}

export function tagFromFields(fields: WxrFields): WpTerm {
  return {
    nicename: fields['wp:tag_slug'] ?? '',
    name: plainText(fields['wp:tag_name']),
    description: plainText(fields['wp:tag_description']),
    parent: '',
  }
}

/** What an imported post becomes: a published article, a draft, or one scheduled to publish. */
export type ArticleState = 'published' | 'draft' | 'scheduled'

export type StatusDecision = { state: ArticleState; note?: string } | { skip: string }

/**
 * WordPress status → article state. `private` and password-protected posts were not for every
 * visitor, so they arrive as drafts rather than going public on the new site.
 */
export function articleStateFor(post: Pick<WpPost, 'status' | 'hasPassword'>): StatusDecision {
  switch (post.status) {
    case 'publish':
      return post.hasPassword
        ? { state: 'draft', note: 'password-protected in WordPress: imported as a draft, so it does not become public' }
        : { state: 'published' }
    case 'future':
      return post.hasPassword
        ? { state: 'draft', note: 'password-protected in WordPress: imported as a draft, not scheduled' }
        : { state: 'scheduled' }
    case 'draft':
    case 'pending':
    case 'private':
      return { state: 'draft' }
    case 'trash':
      return { skip: 'in the trash' }
    case 'auto-draft':
      return { skip: 'an empty auto-draft' }
    default:
      return { skip: `status "${post.status || 'none'}"` }
  }
}

/** `%c3%bcber-massage` → `über-massage`; a broken escape is left as it is. */
function decodeSlug(postName: string): string {
  try {
    return decodeURIComponent(postName)
  } catch {
    return postName
  }
}

/** The slug WordPress gave the post, in Wellpress's rules; made from the title when it has none. */
export function baseSlug(post: Pick<WpPost, 'postName' | 'title' | 'id'>): string {
  return slugify(decodeSlug(post.postName)) || slugify(post.title) || `post-${post.id}`
}
