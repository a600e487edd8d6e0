import path from 'node:path'

import type { Payload, Where } from 'payload'

import { EXCERPT_MAX_LENGTH } from '../seo/summary'
import { ARTICLES, AUTHORS, MEDIA, REDIRECTS, TOPICS } from '../collections'
import type { Article } from '../../payload-types'
import { tags as cacheTags } from '../cache/tags'
import { MAX_IMAGE_BYTES } from '../media/imageType'
import { truncateAtWord } from '../seo/summary'
import { routes } from '../paths/routes'
import { normaliseRedirectFrom } from '../redirects/resolve'
import { SLUG_MAX_LENGTH, slugify } from '../paths/slug'
import { classifyLink, oldAddresses, type OldSite, oldSite } from './addresses'
import { convertHtml } from './html'
import { chooseAlt, MediaIndex, prepareImage } from './media'
import {
  type ArticleState,
  articleStateFor,
  attachmentFromItem,
  authorFromFields,
  baseSlug,
  categoryFromFields,
  postFromItem,
  tagFromFields,
  type WpAuthor,
  type WpPost,
  type WpTerm,
} from './model'
import { prepareContent } from './prepare'
import { type Kind, type ImportReport, newReport } from './report'
import { articleProjection, projectionHash, referencesIn, resolveContent, type ResolvedMedia } from './resolve'
import { readWxr, type WxrSite } from './wxr'

/**
 * `npm run import:wordpress`: a WordPress export (WXR) into this site, through Payload's Local API
 * so every rule of the collections applies (alt text, slugs, image checks, summaries), against the
 * configured database while the site may be running.
 *
 * The file is read as a stream, three times at most, never whole: first its index (authors,
 * categories, the media library, each post's address and status; no post bodies), then each post
 * in turn, converted and written, and last the few posts that link to posts written after them
 * (their links can only point at those articles once they exist).
 *
 * Safe to run again: documents are matched by what they were in WordPress (the post id and guid
 * kept on each article; a key on media, authors and topics) and an article is only rewritten when
 * WordPress changed it and it was not edited here since (see `decide`). Bulk writes skip the
 * per-save cache purge; one purge of the running site follows at the end.
 */

export type Purger = (tags: string[]) => Promise<void>

export type ImportOptions = {
  file: string
  /** How the file is named in messages (defaults to its path). */
  displayName?: string
  /** A copy of the old site's wp-content/uploads. */
  uploadsDir?: string | null
  dryRun?: boolean
  /** Tags become topics too (by default only categories do). */
  tagsAsTopics?: boolean
  progress?: (message: string) => void
  /** Tells the running site which cache tags changed; none: nothing is purged. */
  purge?: Purger | null
  maxImageBytes?: number
}

/** Bulk work: the per-save purge is skipped (one purge follows at the end). */
const CONTEXT = { disableRevalidate: true, wordpressImport: true }

/** WordPress's default category: every post without one has it, so it says nothing about a post. */
const DEFAULT_CATEGORY = 'uncategorized'

const PURGE_BATCH = 64

type PostEntry = Pick<WpPost, 'id' | 'guid' | 'link' | 'title' | 'postName' | 'status' | 'hasPassword' | 'authorLogin' | 'categories' | 'tags'>

type Scan = {
  site: WxrSite
  authors: Map<string, WpAuthor>
  categories: Map<string, WpTerm>
  tags: Map<string, WpTerm>
  posts: PostEntry[]
  reusableBlocks: Map<number, string>
  /** Image attachment ids by the post they are attached to, in menu order (for `[gallery]`). */
  attachedImages: Map<number, { id: number; order: number }[]>
  otherTypes: Map<string, number>
  otherAttachments: number
  comments: number
  removedCharacters: number
}

type WordPressMark = { postId?: number | null; guid?: string | null; status?: string | null; sourceHash?: string | null }

type Plan = {
  entry: PostEntry
  state: ArticleState
  notes: string[]
  slug: string
  /** The article imported from this post before. */
  existingId: string | null
  /** An article written here (not imported) at the same address with the same title: already on the site. */
  sameAs: { id: string; slug: string } | null
}

type Outcome = 'created' | 'updated' | 'unchanged' | 'conflict'

const label = (title: string, id: number) => `"${title || `post ${id}`}" (post ${id})`

export async function importWordPress(payload: Payload, options: ImportOptions): Promise<ImportReport> {
  return new WordPressImport(payload, options).run()
}

class WordPressImport {
  private readonly report: ImportReport
  private readonly progress: (message: string) => void
  private readonly dryRun: boolean
  private readonly displayName: string
  private scan!: Scan
  private site!: OldSite
  private media!: MediaIndex
  private readonly plans = new Map<number, Plan>()
  private readonly articleIds = new Map<number, string>()
  private readonly authorIds = new Map<string, string | null>()
  private readonly topicIds = new Map<string, { id: string; slug: string } | null>()
  private readonly topicNames = new Map<string, { id: string; slug: string }>()
  private readonly mediaResults = new Map<string, Promise<ResolvedMedia | null>>()
  private existingMedia = new Map<string, ResolvedMedia>()
  /** Posts whose links point at articles written after them: rewritten once those exist. */
  private readonly relink = new Set<number>()
  private readonly purgeTags = new Set<string>()
  private missingFiles = 0

  constructor(
    private readonly payload: Payload,
    private readonly options: ImportOptions,
  ) {
    this.dryRun = Boolean(options.dryRun)
    this.displayName = options.displayName ?? options.file
    this.report = newReport(this.displayName, this.dryRun)
    this.progress = options.progress ?? (() => {})
  }

  async run(): Promise<ImportReport> {
    this.progress(`Reading ${this.displayName}…`)
    this.scan = await this.readIndex()
    const { site } = this.scan
    this.report.site = { title: site.title, url: site.baseBlogUrl || site.link, wxrVersion: site.wxrVersion }
    this.site = oldSite(site)
    this.progress(
      `Found ${this.scan.posts.length} posts, ${this.media.attachments().length} images, ${this.scan.authors.size} authors, ` +
        `${this.scan.categories.size} categories and ${this.scan.tags.size} tags (WXR ${site.wxrVersion}).`,
    )
    this.reportLeftOut()

    await this.planArticles()
    await this.prepareTaxonomy()
    await this.prefetchMedia()
    const toWrite = [...this.plans.values()].filter((plan) => !plan.sameAs)
    let done = 0
    for await (const post of this.posts(new Set(toWrite.map((plan) => plan.entry.id)))) {
      done++
      await this.importPost(post, `[${done}/${toWrite.length}]`, false)
    }
    if (this.relink.size > 0) {
      this.progress(`Linking ${this.relink.size} article(s) to the articles written after them…`)
      const pending = new Set(this.relink)
      for await (const post of this.posts(pending)) await this.importPost(post, '[links]', true)
    }
    await this.importLibrary()
    await this.writeRedirects()
    const media = this.report.counts.media
    if (this.missingFiles > 0 && !this.options.uploadsDir) {
      this.report.problems.unshift(
        `${this.missingFiles} image(s) not imported: no --uploads folder was given (a copy of the old site's wp-content/uploads)`,
      )
    } else if (this.missingFiles > 0 && media.created + media.unchanged === 0) {
      this.report.problems.unshift(
        `none of the images were found in ${this.options.uploadsDir}: give the folder that holds the year folders (2019/, 2020/…), wp-content/uploads`,
      )
    }
    await this.purge()
    return this.report
  }

  // ─── Reading ────────────────────────────────────────────────────────────────────────────────

  private async readIndex(): Promise<Scan> {
    const scan: Scan = {
      site: { title: '', link: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '' },
      authors: new Map(),
      categories: new Map(),
      tags: new Map(),
      posts: [],
      reusableBlocks: new Map(),
      attachedImages: new Map(),
      otherTypes: new Map(),
      otherAttachments: 0,
      comments: 0,
      removedCharacters: 0,
    }
    const notes = { removedCharacters: 0 }
    const attachments = []
    for await (const record of readWxr(this.options.file, this.displayName, notes)) {
      if (record.kind === 'site') scan.site = record.site
      else if (record.kind === 'author') {
        const author = authorFromFields(record.fields)
        if (author.login) scan.authors.set(author.login, author)
      } else if (record.kind === 'category') {
        const category = categoryFromFields(record.fields)
        if (category.nicename) scan.categories.set(category.nicename, category)
      } else if (record.kind === 'tag') {
        const tag = tagFromFields(record.fields)
        if (tag.nicename) scan.tags.set(tag.nicename, tag)
      } else {
        const type = (record.item.fields['wp:post_type'] ?? '').trim()
        if (type === 'attachment') attachments.push(attachmentFromItem(record.item))
        else if (type === 'wp_block') {
          const post = postFromItem(record.item)
          scan.reusableBlocks.set(post.id, post.content)
        } else if (type === 'post') {
          const { id, guid, link, title, postName, status, hasPassword, authorLogin, categories, tags, comments } = postFromItem(record.item)
          scan.posts.push({ id, guid, link, title, postName, status, hasPassword, authorLogin, categories, tags })
          scan.comments += comments
        } else scan.otherTypes.set(type || 'unknown', (scan.otherTypes.get(type || 'unknown') ?? 0) + 1)
      }
    }
    scan.removedCharacters = notes.removedCharacters
    const uploadsDir = this.options.uploadsDir ? path.resolve(this.options.uploadsDir) : null
    this.media = new MediaIndex(oldSite(scan.site), uploadsDir)
    for (const attachment of attachments) {
      if (!this.media.addAttachment(attachment)) {
        scan.otherAttachments++
        continue
      }
      if (attachment.parent > 0) {
        const list = scan.attachedImages.get(attachment.parent) ?? []
        list.push({ id: attachment.id, order: attachment.menuOrder })
        scan.attachedImages.set(attachment.parent, list)
      }
    }
    return scan
  }

  /** The posts among `ids`, read whole, one at a time, in file order. */
  private async *posts(ids: Set<number>): AsyncGenerator<WpPost> {
    for await (const record of readWxr(this.options.file, this.displayName)) {
      if (record.kind !== 'item' || (record.item.fields['wp:post_type'] ?? '').trim() !== 'post') continue
      const post = postFromItem(record.item)
      if (ids.has(post.id)) yield post
    }
  }

  private reportLeftOut() {
    const { scan, report } = this
    const kinds: Record<string, string> = {
      page: 'page(s): the site has articles, not pages (copy what matters into the site by hand)',
      nav_menu_item: 'menu item(s): the site has its own menu',
      revision: 'revision(s)',
    }
    for (const [type, count] of scan.otherTypes) report.skipped.push(`${count} ${kinds[type] ?? `item(s) of type "${type}"`}`)
    if (scan.comments > 0) report.skipped.push(`${scan.comments} comment(s): the site has no comments`)
    if (scan.otherAttachments > 0) {
      report.skipped.push(`${scan.otherAttachments} attachment(s) that are not images (PDFs, audio…): the media library holds images only`)
    }
    if (!this.options.tagsAsTopics && scan.tags.size > 0) {
      report.skipped.push(`${scan.tags.size} tag(s): categories became topics (--tags-as-topics makes topics of tags too)`)
    }
    if (scan.removedCharacters > 0) {
      report.problems.push(`${scan.removedCharacters} control character(s) that XML forbids were removed from the export before reading it`)
    }
  }

  // ─── Planning: what each post becomes, and at which address ─────────────────────────────────

  private async planArticles() {
    const existing = await this.payload.find({
      collection: ARTICLES,
      where: { 'wordpress.postId': { exists: true } },
      draft: true,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { slug: true, wordpress: true },
    })
    const byPostId = new Map<number, { id: string; slug: string }>()
    const byGuid = new Map<string, { id: string; slug: string }>()
    for (const doc of existing.docs as unknown as { id: string; slug: string; wordpress?: WordPressMark }[]) {
      if (doc.wordpress?.postId) byPostId.set(doc.wordpress.postId, doc)
      if (doc.wordpress?.guid) byGuid.set(doc.wordpress.guid, doc)
    }
    const taken = new Set<string>()
    for (const entry of this.scan.posts) {
      const decision = articleStateFor(entry)
      if ('skip' in decision) {
        this.report.counts.articles.skipped++
        this.report.skipped.push(`${label(entry.title, entry.id)}: ${decision.skip}`)
        continue
      }
      const notes = decision.note ? [decision.note] : []
      const match = byGuid.get(entry.guid) ?? byPostId.get(entry.id)
      if (match) {
        taken.add(match.slug)
        this.plans.set(entry.id, { entry, state: decision.state, notes, slug: match.slug, existingId: match.id, sameAs: null })
        this.articleIds.set(entry.id, match.id)
        continue
      }
      const { slug, sameAs } = await this.assignSlug(entry, taken)
      this.plans.set(entry.id, { entry, state: decision.state, notes, slug, existingId: null, sameAs })
      if (sameAs) {
        this.articleIds.set(entry.id, sameAs.id)
        this.report.counts.articles.skipped++
        this.report.skipped.push(`${label(entry.title, entry.id)}: already on the site at ${routes.article(sameAs.slug)} (same title); its old addresses lead there`)
      }
    }
  }

  /** Who holds a slug now, as the live row or as the latest draft (both must stay unique). */
  private async slugHolder(slug: string): Promise<{ id: string; slug: string; title: string; wordpress?: WordPressMark } | null> {
    for (const draft of [false, true]) {
      const { docs } = await this.payload.find({
        collection: ARTICLES,
        where: { slug: { equals: slug } },
        draft,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        select: { slug: true, title: true, wordpress: true },
      })
      if (docs[0]) return docs[0] as unknown as { id: string; slug: string; title: string; wordpress?: WordPressMark }
    }
    return null
  }

  /**
   * The post's own slug when it is free. An article written here with the same slug and title is
   * the same article (her first article was often on the old blog too): not imported twice. A
   * different article at that address leaves the post `-2`, `-3`…
   */
  private async assignSlug(entry: PostEntry, taken: Set<string>): Promise<{ slug: string; sameAs: Plan['sameAs'] }> {
    const base = baseSlug(entry)
    for (let n = 1; n < 100; n++) {
      const suffix = n === 1 ? '' : `-${n}`
      const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
      if (taken.has(candidate)) continue
      const holder = await this.slugHolder(candidate)
      if (!holder) {
        taken.add(candidate)
        return { slug: candidate, sameAs: null }
      }
      const sameTitle = holder.title.trim().toLowerCase() === entry.title.trim().toLowerCase()
      if (n === 1 && !holder.wordpress?.postId && sameTitle) return { slug: holder.slug, sameAs: { id: holder.id, slug: holder.slug } }
    }
    throw new Error(`No free address for ${label(entry.title, entry.id)} (tried ${base} to ${base}-99).`)
  }

  // ─── Authors, topics, images ────────────────────────────────────────────────────────────────

  /**
   * One document of `collection` with this key, or else one with this name, case aside: a profile
   * or topic she made herself (then `linked`: it gets the key), or, for topics, the topic of a
   * category named like this tag (one topic for both). Two WordPress logins with the same display
   * name stay two profiles.
   */
  private async findByKeyOrName(collection: typeof AUTHORS | typeof TOPICS, key: string, name: string, slug: string) {
    const byKey = await this.payload.find({ collection, where: { wordpressKey: { equals: key } }, depth: 0, limit: 1, overrideAccess: true })
    if (byKey.docs[0]) return { doc: byKey.docs[0] as { id: string; slug: string }, linked: false }
    const where: Where = { or: [{ name: { like: name } }, { slug: { equals: slug } }] }
    const candidates = await this.payload.find({ collection, where, depth: 0, limit: 20, overrideAccess: true })
    const same = (candidates.docs as { id: string; slug: string; name: string; wordpressKey?: string | null }[]).find(
      (doc) => (collection === TOPICS || !doc.wordpressKey) && doc.name.trim().toLowerCase() === name.trim().toLowerCase(),
    )
    return same ? { doc: same, linked: !same.wordpressKey } : null
  }

  /** A slug free in `collection`: `base`, else `base-2`… */
  private async freeSlug(collection: typeof AUTHORS | typeof TOPICS, base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`
      const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
      const { totalDocs } = await this.payload.count({ collection, where: { slug: { equals: candidate } }, overrideAccess: true })
      if (totalDocs === 0) return candidate
    }
  }

  /** The author profile of a WordPress login: found again, an existing profile of the same name, or a new one. */
  private async authorId(login: string): Promise<string | null> {
    if (!login) return null
    if (this.authorIds.has(login)) return this.authorIds.get(login) ?? null
    const author = this.scan.authors.get(login)
    const name = (author?.displayName || [author?.firstName, author?.lastName].filter(Boolean).join(' ') || login).slice(0, 120)
    const key = `author:${login}`
    let id: string | null = null
    try {
      const found = await this.findByKeyOrName(AUTHORS, key, name, slugify(name))
      if (found) {
        id = found.doc.id
        this.report.counts.authors.unchanged++
        if (found.linked && !this.dryRun) {
          await this.payload.update({ collection: AUTHORS, id, data: { wordpressKey: key }, depth: 0, overrideAccess: true, context: CONTEXT })
        }
      } else if (this.dryRun) {
        id = `new-author:${login}`
        this.report.counts.authors.created++
      } else {
        const slug = await this.freeSlug(AUTHORS, slugify(name) || slugify(login) || 'author')
        const created = await this.payload.create({ collection: AUTHORS, data: { name, slug, wordpressKey: key }, depth: 0, overrideAccess: true, context: CONTEXT })
        id = created.id
        this.report.counts.authors.created++
        this.purgeTags.add(cacheTags.authors)
      }
    } catch (error) {
      this.report.counts.authors.failed++
      this.report.problems.push(`author "${name}" (${login}): ${errorMessage(error)}`)
    }
    this.authorIds.set(login, id)
    return id
  }

  /** The topic of a category (or tag): found again, an existing topic of the same name, or a new one. */
  private async topic(kind: 'category' | 'tag', nicename: string, fallbackName: string): Promise<{ id: string; slug: string } | null> {
    const key = `${kind}:${nicename}`
    if (this.topicIds.has(key)) return this.topicIds.get(key) ?? null
    const term = (kind === 'category' ? this.scan.categories : this.scan.tags).get(nicename)
    const name = (term?.name || fallbackName || nicename).slice(0, 80)
    const baseSlugOfTopic = slugify(decodeURIComponentSafe(nicename)) || slugify(name) || 'topic'
    let result: { id: string; slug: string } | null = null
    // A category and a tag of the same name, met in this run (a dry run has no documents to find).
    const sameName = this.topicNames.get(name.trim().toLowerCase())
    if (sameName) {
      this.topicIds.set(key, sameName)
      return sameName
    }
    try {
      const found = await this.findByKeyOrName(TOPICS, key, name, baseSlugOfTopic)
      if (found) {
        result = { id: found.doc.id, slug: found.doc.slug }
        this.report.counts.topics.unchanged++
        if (found.linked && !this.dryRun) {
          await this.payload.update({ collection: TOPICS, id: result.id, data: { wordpressKey: key }, depth: 0, overrideAccess: true, context: CONTEXT })
        }
      } else if (this.dryRun) {
        result = { id: `new-topic:${key}`, slug: baseSlugOfTopic }
        this.report.counts.topics.created++
      } else {
        const slug = await this.freeSlug(TOPICS, baseSlugOfTopic)
        const description = term?.description ? truncateAtWord(term.description, 500) : undefined
        const created = await this.payload.create({
          collection: TOPICS,
          data: { name, slug, description, wordpressKey: key },
          depth: 0,
          overrideAccess: true,
          context: CONTEXT,
        })
        result = { id: created.id, slug: created.slug }
        this.report.counts.topics.created++
        this.purgeTags.add(cacheTags.topics)
      }
    } catch (error) {
      this.report.counts.topics.failed++
      this.report.problems.push(`topic "${name}" (${kind} ${nicename}): ${errorMessage(error)}`)
    }
    this.topicIds.set(key, result)
    if (result) this.topicNames.set(name.trim().toLowerCase(), result)
    return result
  }

  /** Every author and topic the imported posts name, before any post: links to categories need their topics. */
  private async prepareTaxonomy() {
    for (const plan of this.plans.values()) {
      if (plan.sameAs) continue
      await this.authorId(plan.entry.authorLogin)
      await this.topicIdsOf(plan.entry)
    }
  }

  private async topicIdsOf(entry: PostEntry): Promise<string[]> {
    const terms = [
      ...entry.categories.filter((term) => term.nicename !== DEFAULT_CATEGORY).map((term) => ({ kind: 'category' as const, ...term })),
      ...(this.options.tagsAsTopics ? entry.tags.map((term) => ({ kind: 'tag' as const, ...term })) : []),
    ]
    const ids: string[] = []
    for (const term of terms) {
      const topic = await this.topic(term.kind, term.nicename, term.name)
      if (topic && !ids.includes(topic.id)) ids.push(topic.id)
    }
    return ids
  }

  private async prefetchMedia() {
    const { docs } = await this.payload.find({
      collection: MEDIA,
      where: { wordpressKey: { exists: true } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs as unknown as { id: string; url?: string | null; caption?: string | null; wordpressKey?: string | null }[]) {
      if (doc.wordpressKey) this.existingMedia.set(doc.wordpressKey, { id: doc.id, url: doc.url, caption: doc.caption })
    }
  }

  /** The media document of an image key: found again, or created from the uploads folder. */
  private mediaFor(key: string, use: { shownIn: string; contentAlt?: string; caption?: string }): Promise<ResolvedMedia | null> {
    let result = this.mediaResults.get(key)
    if (!result) {
      result = this.createMedia(key, use)
      this.mediaResults.set(key, result)
    }
    return result
  }

  private async createMedia(key: string, use: { shownIn: string; contentAlt?: string; caption?: string }): Promise<ResolvedMedia | null> {
    const counts = this.report.counts.media
    const existing = this.existingMedia.get(key)
    if (existing) {
      counts.unchanged++
      return existing
    }
    const source = this.media.source(key)
    const file = source ? this.media.findFile(source.candidates) : null
    if (!file) {
      counts.skipped++
      this.missingFiles++
      if (this.options.uploadsDir) this.report.problems.push(`image ${key} (shown in ${use.shownIn}): not found in the uploads folder`)
      return null
    }
    const prepared = await prepareImage(file, this.options.maxImageBytes ?? MAX_IMAGE_BYTES)
    if (!prepared.ok) {
      counts.failed++
      this.report.problems.push(`image ${key}: ${prepared.problem}`)
      return null
    }
    if (prepared.note) this.report.adapted.push(`image ${key}: ${prepared.note}`)
    const attachment = source?.attachment ?? null
    const caption = attachment?.caption || use.caption || null
    const { alt, made } = chooseAlt(
      { alt: attachment?.alt, contentAlt: use.contentAlt, caption: caption ?? undefined, title: attachment?.title },
      key,
      use.shownIn,
    )
    if (made) {
      this.report.problems.push(`image ${key}: no alt text in WordPress that describes it; given "${alt}" for now: describe the picture in Images`)
    }
    if (this.dryRun) {
      counts.created++
      return { id: `new-media:${key}`, url: null, caption }
    }
    try {
      const doc = await this.payload.create({
        collection: MEDIA,
        data: { alt, caption, wordpressKey: key },
        file: { data: prepared.data, mimetype: prepared.mimetype, name: prepared.name, size: prepared.size },
        depth: 0,
        overrideAccess: true,
        context: CONTEXT,
      })
      counts.created++
      this.purgeTags.add(cacheTags.media)
      this.progress(`  image ${key}: created`)
      return { id: doc.id, url: doc.url, caption: doc.caption }
    } catch (error) {
      counts.failed++
      this.report.problems.push(`image ${key}: ${errorMessage(error)}`)
      return null
    }
  }

  /** Images of the media library no imported post showed: the library comes along whole. */
  private async importLibrary() {
    for (const attachment of this.media.attachments()) {
      const key = this.media.keyOf(attachment)
      if (!key || this.mediaResults.has(key)) continue
      const named = attachment.title || path.basename(key).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ')
      await this.mediaFor(key, { shownIn: `the old blog's media library ("${named}")` })
    }
  }

  // ─── Articles ───────────────────────────────────────────────────────────────────────────────

  private async importPost(post: WpPost, step: string, relinking: boolean) {
    const plan = this.plans.get(post.id)
    if (!plan) return
    const name = label(post.title, post.id)
    try {
      const outcome = await this.writeArticle(post, plan, relinking)
      if (!relinking) {
        if (outcome === 'conflict') this.report.counts.articles.skipped++
        else this.report.counts.articles[outcome]++
        const detail = plan.state === 'scheduled' ? 'scheduled' : plan.state === 'published' ? 'published' : 'draft'
        this.progress(`${step} ${this.dryRun && outcome !== 'unchanged' ? `would be ${outcome}` : outcome} ${name} (${detail})`)
      }
    } catch (error) {
      this.report.counts.articles.failed++
      this.report.problems.push(`${name}: not imported: ${errorMessage(error)}`)
      this.progress(`${step} FAILED ${name}: ${errorMessage(error)}`)
    }
  }

  private async writeArticle(post: WpPost, plan: Plan, relinking: boolean): Promise<Outcome> {
    const name = label(post.title, post.id)
    const notes = [...plan.notes]
    const shownIn = `"${post.title || `post ${post.id}`}"`
    const prepared = prepareContent(post.content, {
      reusableBlock: (id) => this.scan.reusableBlocks.get(id) ?? null,
      attachedImages: () => (this.scan.attachedImages.get(post.id) ?? []).sort((a, b) => a.order - b.order).map((image) => image.id),
    })
    const converted = convertHtml(prepared.html, {
      postId: post.id,
      locateImage: (image) => this.media.locate(image),
      classifyLink: (href) =>
        classifyLink(href, {
          site: this.site,
          postByAddress: this.postByAddress(),
          imageKey: (url) => this.media.keyOfUrl(url),
          categoryPath: (nicename) => {
            const topic = nicename !== DEFAULT_CATEGORY && this.topicIds.get(`category:${nicename}`)
            return topic ? routes.topic(topic.slug) : null
          },
        }),
    })
    notes.push(...prepared.notes, ...converted.notes)

    // Everything the body and the article refer to, found or created first.
    const references = referencesIn(converted.content)
    const media = new Map<string, ResolvedMedia | null>()
    for (const { key, hints } of references.media) {
      media.set(key, await this.mediaFor(key, { shownIn, contentAlt: hints?.alt, caption: hints?.caption }))
    }
    const heroKey = post.thumbnailId ? this.heroKey(post, notes) : null
    const hero = heroKey ? await this.mediaFor(heroKey, { shownIn }) : null
    const author = await this.authorId(post.authorLogin)
    const topics = await this.topicIdsOf(post)

    let waitsForLinks = false
    const content = resolveContent(
      converted.content,
      {
        media: (key) => media.get(key) ?? null,
        article: (postId) => {
          const id = this.articleIds.get(postId)
          if (id) return id
          if (this.dryRun) return this.plans.has(postId) ? `new-article:${postId}` : null
          if (this.plans.has(postId)) waitsForLinks = true
          return null
        },
      },
      notes,
    )

    let state = plan.state
    if (state === 'scheduled' && !post.date) {
      notes.push('scheduled in WordPress without a date: imported as a draft')
      state = 'draft'
    }
    if (state !== 'draft' && content.root.children.length === 0) {
      this.report.problems.push(`${name}: no text in its body, so it cannot be published: imported as a draft`)
      state = 'draft'
    }
    let title = post.title
    if (!title) {
      title = `Untitled (WordPress post ${post.id})`
      this.report.problems.push(`${name}: has no title in WordPress: titled "${title}" for now`)
    }
    let excerpt = post.excerpt || null
    if (excerpt && excerpt.length > EXCERPT_MAX_LENGTH) {
      excerpt = truncateAtWord(excerpt, EXCERPT_MAX_LENGTH)
      notes.push(`its excerpt, shortened to ${EXCERPT_MAX_LENGTH} characters`)
    }
    const data = {
      title: title.slice(0, 200),
      slug: plan.slug,
      excerpt,
      content,
      heroImage: hero?.id ?? null,
      author,
      topics,
      publishedAt: state === 'draft' ? null : post.date,
    }
    const sourceHash = projectionHash(articleProjection(data))
    if (!relinking && notes.length > 0) this.report.adapted.push(`${name}: ${notes.join('; ')}`)

    const outcome = await this.write(post, plan, state, data, sourceHash, relinking)
    if (waitsForLinks && !relinking) this.relink.add(post.id)
    if (outcome === 'conflict') {
      this.report.problems.push(`${name}: changed in WordPress since the last import, but edited here too: left as it is here`)
    }
    return outcome
  }

  private heroKey(post: WpPost, notes: string[]): string | null {
    const attachment = this.media.attachment(post.thumbnailId as number)
    if (!attachment) {
      notes.push(`its featured image (attachment ${post.thumbnailId}) is not in the export`)
      return null
    }
    return this.media.keyOf(attachment)
  }

  /** Imported posts by old address: links to them become internal links. */
  private postByAddress(): ReadonlyMap<string, number> {
    if (!this.addressBook) {
      this.addressBook = new Map()
      for (const plan of this.plans.values()) for (const address of oldAddresses(plan.entry, this.site)) this.addressBook.set(address, plan.entry.id)
    }
    return this.addressBook
  }
  private addressBook: Map<string, number> | null = null

  /**
   * Creates the article, or decides about the one imported before by comparing three versions of
   * what the import writes (title, slug, excerpt, body, images, author, topics, date):
   * - what it would write now (WordPress today), what the article holds, and what the last import
   *   wrote (its hash, kept on the article);
   * - unchanged when the article already holds what it would write; updated when WordPress changed
   *   and the article is as the last import left it; left alone (a conflict, reported) when both
   *   changed: her edits are never overwritten.
   * Status follows the same rule: a WordPress status that did not change since the last import
   * leaves the article's own (a scheduled post published since, or one she unpublished) alone.
   */
  private async write(
    post: WpPost,
    plan: Plan,
    state: ArticleState,
    data: Record<string, unknown> & { slug: string },
    sourceHash: string,
    relinking: boolean,
  ): Promise<Outcome> {
    const status: Article['_status'] = state === 'published' ? 'published' : 'draft'
    const mark = (): WordPressMark & { importedAt: string } => ({
      postId: post.id,
      guid: post.guid || null,
      status: post.status,
      sourceHash,
      importedAt: new Date().toISOString(),
    })
    const title = String(data.title)
    const at = String(data.publishedAt)
    // Relinking writes a post a second time: it was scheduled (and reported) the first time.
    const noteSchedule = () => {
      if (!relinking) this.report.scheduled.push({ title, at })
    }
    const existingId = plan.existingId ?? this.articleIds.get(post.id) ?? null
    if (!existingId) {
      if (this.dryRun) {
        this.articleIds.set(post.id, `new-article:${post.id}`)
        if (state === 'scheduled') noteSchedule()
        return 'created'
      }
      const doc = await this.save(null, { ...data, _status: status, wordpress: mark() })
      this.articleIds.set(post.id, doc.id)
      if (status === 'published') this.purgeArticle(doc.slug)
      if (state === 'scheduled') {
        noteSchedule()
        await this.schedule(doc.id, at)
      }
      return 'created'
    }

    const current = (await this.payload.findByID({ collection: ARTICLES, id: existingId, draft: true, depth: 0, overrideAccess: true })) as Article & {
      wordpress?: WordPressMark
    }
    const currentHash = projectionHash(articleProjection(current as unknown as Record<string, unknown>))
    const lastHash = current.wordpress?.sourceHash ?? null
    const statusChanged = (current.wordpress?.status ?? null) !== post.status
    const untouched = currentHash === lastHash
    let outcome: Outcome
    if (sourceHash === currentHash && !statusChanged) outcome = 'unchanged'
    else if (untouched) outcome = 'updated'
    else if (sourceHash === lastHash && !statusChanged) outcome = 'unchanged'
    else outcome = 'conflict'

    if (outcome === 'updated' && !this.dryRun) {
      const nextStatus = statusChanged ? status : (current._status ?? 'draft')
      const doc = await this.save(existingId, { ...data, _status: nextStatus, wordpress: mark() })
      if (current._status === 'published' || nextStatus === 'published') {
        this.purgeArticle(current.slug)
        this.purgeArticle(doc.slug)
      }
      if (statusChanged && state !== 'scheduled') await this.unschedule(existingId)
    }
    // A scheduled post keeps its publishing job (unless it has been published since).
    if (state === 'scheduled' && outcome !== 'conflict' && current._status !== 'published') {
      noteSchedule()
      if (!this.dryRun) await this.schedule(existingId, at)
    }
    return outcome
  }

  /** Creates (no id) or updates an article; a draft is saved as a draft (its required fields not enforced yet). */
  private save(id: string | null, data: Record<string, unknown> & { _status: Article['_status'] }): Promise<Article> {
    const options = { collection: ARTICLES, data: data as never, draft: data._status === 'draft', depth: 0, overrideAccess: true, context: CONTEXT } as const
    return id ? this.payload.update({ ...options, id }) : this.payload.create(options)
  }

  private purgeArticle(slug: string | null | undefined) {
    this.purgeTags.add(cacheTags.articles)
    if (slug) this.purgeTags.add(cacheTags.article(slug))
  }

  private pendingJobs(articleId: string): Where {
    return {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { 'input.doc.value': { equals: articleId } },
        { 'input.doc.relationTo': { equals: ARTICLES } },
        { completedAt: { exists: false } },
        { processing: { equals: false } },
      ],
    }
  }

  /** A publish job at the post's date, as the admin's "Schedule publish" makes; never two. */
  private async schedule(articleId: string, at: string) {
    const { docs } = await this.payload.find({ collection: 'payload-jobs', where: this.pendingJobs(articleId), depth: 0, pagination: false, overrideAccess: true })
    const same = docs.find((job) => job.waitUntil && new Date(job.waitUntil).toISOString() === at && (job.input as { type?: string })?.type !== 'unpublish')
    if (same) return
    await this.unschedule(articleId)
    await this.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: ARTICLES, value: articleId } },
      waitUntil: new Date(at),
    })
  }

  private async unschedule(articleId: string) {
    await this.payload.delete({ collection: 'payload-jobs', where: this.pendingJobs(articleId), overrideAccess: true })
  }

  // ─── Old addresses ──────────────────────────────────────────────────────────────────────────

  private async writeRedirects() {
    const { homePath } = this.site
    let imported = 0
    for (const plan of this.plans.values()) {
      const id = this.articleIds.get(plan.entry.id)
      if (!id) continue
      imported++
      const slug = plan.sameAs?.slug ?? plan.slug
      for (const from of oldAddresses(plan.entry, this.site)) {
        if (from === routes.article(slug)) continue
        await this.redirect(from, { type: 'reference', reference: { relationTo: ARTICLES, value: id } })
      }
    }
    if (imported === 0) return
    // The archives search engines know: categories (their topics), authors (their profiles), the feed.
    for (const [key, topic] of this.topicIds) {
      if (!topic) continue
      const [kind, nicename] = key.split(/:(.*)/s)
      const base = kind === 'category' ? 'category' : 'tag'
      const terms = kind === 'category' ? this.scan.categories : this.scan.tags
      await this.redirect(`${homePath}/${base}/${termPath(nicename, terms)}`, { type: 'reference', reference: { relationTo: TOPICS, value: topic.id } })
    }
    for (const [login, id] of this.authorIds) {
      if (id) await this.redirect(`${homePath}/author/${login}`, { type: 'reference', reference: { relationTo: AUTHORS, value: id } })
    }
    await this.redirect(`${homePath}/feed`, { type: 'custom', url: routes.rssFeed() })
  }

  private async redirect(from: string, to: { type: 'reference'; reference: { relationTo: string; value: string } } | { type: 'custom'; url: string }) {
    const counts = this.report.counts.redirects
    const normalised = normaliseRedirectFrom(from) ?? from
    // A dry run's new documents have no ids: their redirects would be new too.
    if (to.type === 'reference' && to.reference.value.startsWith('new-')) {
      counts.created++
      return
    }
    try {
      const { docs } = await this.payload.find({ collection: REDIRECTS, where: { from: { equals: normalised } }, depth: 0, limit: 1, overrideAccess: true })
      const existing = docs[0] as { to?: { type?: string; url?: string | null; reference?: { relationTo: string; value: unknown } | null } } | undefined
      if (existing) {
        const target = existing.to
        const same =
          to.type === 'reference'
            ? target?.type === 'reference' && target.reference?.relationTo === to.reference.relationTo && String(target.reference?.value) === to.reference.value
            : target?.type === 'custom' && target.url === to.url
        if (same) counts.unchanged++
        else {
          counts.skipped++
          this.report.problems.push(`the old address ${normalised} already has a redirect that leads elsewhere: kept as it is`)
        }
        return
      }
      if (this.dryRun) {
        counts.created++
        return
      }
      await this.payload.create({
        collection: REDIRECTS,
        data: { from: normalised, to: to as never, type: '301' },
        depth: 0,
        overrideAccess: true,
        context: CONTEXT,
      })
      counts.created++
      this.purgeTags.add(cacheTags.redirects)
    } catch (error) {
      counts.failed++
      this.report.problems.push(`redirect from ${normalised}: ${errorMessage(error)}`)
    }
  }

  // ─── The running site ───────────────────────────────────────────────────────────────────────

  private async purge() {
    if (this.dryRun) return
    const tags = [...this.purgeTags]
    if (tags.length === 0) {
      this.report.purge = 'Nothing visitors see changed: no cache to purge.'
      return
    }
    if (!this.options.purge) {
      this.report.purge = 'The running site was not told (no purge asked for).'
      return
    }
    try {
      for (let i = 0; i < tags.length; i += PURGE_BATCH) await this.options.purge(tags.slice(i, i + PURGE_BATCH))
      this.report.purge = `The running site was told: its lists, feeds and sitemap show the import now (${tags.length} cache tags purged).`
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      this.report.purge =
        code === 'ECONNREFUSED'
          ? 'No site is running here to tell: it will show the import when it starts (it reads the database afresh).'
          : `The running site could not be told (${errorMessage(error)}): restart it to show the import everywhere.`
    }
  }
}

/** A category's path in WordPress: its parents' slugs first (`/category/health/sleep`). */
function termPath(nicename: string, terms: Map<string, WpTerm>): string {
  const chain = [nicename]
  let parent = terms.get(nicename)?.parent
  while (parent && chain.length < 10 && !chain.includes(parent)) {
    chain.unshift(parent)
    parent = terms.get(parent)?.parent
  }
  return chain.join('/')
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** A Payload validation error lists its fields; others say what they say. */
function errorMessage(error: unknown): string {
  const data = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data
  if (data?.errors?.length) return data.errors.map((entry) => `${entry.path ?? 'field'}: ${entry.message ?? 'invalid'}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}
