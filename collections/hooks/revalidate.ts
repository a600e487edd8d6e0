import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionSlug,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { type CachedCollection, CACHED_COLLECTIONS, type ContentChange, type PublicState, tagsToRevalidate } from '../../lib/cache/tags'
import { purgeCacheTags } from '../../lib/cache/purge'
import { PRACTICE } from '../../lib/collections'
import { isMenuLinkCollection, menuLinksTo } from '../../lib/practice/menu'
import { liveRowBeforeChange } from './liveRow'

/**
 * Publish → live on the next request: after every change visitors could notice, purge the cache
 * tags lib/cache/tags.ts plans for it (through lib/cache/purge.ts). Wired into every collection
 * the site shows. Skipped when `req.context.disableRevalidate` is set (the seed, bulk imports).
 *
 * Articles have drafts, so what matters is the *published* version, which lives in the
 * collection's own row: a draft save (autosave, every second while typing) writes only a new
 * version and leaves that row, and so the site, untouched, and purges nothing. `previousDoc` is
 * the latest version, possibly a draft, so the row is read before the change (and, for a draft
 * save of a live article, after it) to tell a draft save from an unpublish.
 *
 * The practice's menu shows the address of the documents it links to, and every page reads the
 * practice: a visible change of such a document purges the practice too (lib/cache/tags.ts
 * `practiceReadTags`), and only then. A delete drops the menu's link to the document with it
 * (SQLite's foreign keys cascade), so whether the menu linked to it is read before the delete.
 */

type Row = { id?: unknown; slug?: unknown; _status?: unknown }

const skipped = (req: PayloadRequest) => Boolean(req.context.disableRevalidate)
const hasDrafts = (collection: SanitizedCollectionConfig) => Boolean(collection.versions && collection.versions.drafts)
const isPublished = (row: Row | null | undefined) => row?._status === 'published'
const publicState = (row: Row): NonNullable<PublicState> => ({ slug: typeof row.slug === 'string' ? row.slug : null })
const liveKey = (collection: string, id: unknown) => `revalidate:live:${collection}:${String(id)}`
const menuKey = (collection: string, id: unknown) => `revalidate:menu:${collection}:${String(id)}`

function cachedCollection(collection: SanitizedCollectionConfig): CachedCollection | null {
  return (CACHED_COLLECTIONS as readonly string[]).includes(collection.slug) ? (collection.slug as CachedCollection) : null
}

/** The published row as visitors see it (drafts never touch it), or null when not published. */
async function liveState(req: PayloadRequest, collection: CollectionSlug, id: unknown): Promise<PublicState> {
  const row = (await req.payload.db.findOne({ collection, where: { id: { equals: id } }, req })) as Row | null
  return row && isPublished(row) ? publicState(row) : null
}

/** Whether an entry of the practice's menu opens the document. */
async function linkedFromMenu(req: PayloadRequest, collection: CachedCollection, id: unknown): Promise<boolean> {
  if (!isMenuLinkCollection(collection)) return false
  // No `select`: on SQLite, selecting `navigation` drops the entries' relationships (Payload 3.90.1).
  const practice = await req.payload.findGlobal({ slug: PRACTICE, depth: 0, overrideAccess: true, req })
  return menuLinksTo(practice.navigation, { collection, id })
}

/** Before a document is deleted: whether the menu links to it (the delete removes that link). */
export const rememberMenuLink: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const slug = cachedCollection(collection)
  if (!slug || skipped(req) || !isMenuLinkCollection(slug)) return
  let linked: boolean
  try {
    linked = await linkedFromMenu(req, slug, id)
  } catch (error) {
    // The delete goes on; assume the menu linked to it so the purge errs on the side of freshness.
    req.payload.logger.error({ err: error, id }, '[cache] could not read the menu before a delete')
    linked = true
  }
  // Only after the read: a Local API call given `req` replaces `req.context` with a copy.
  req.context[menuKey(slug, id)] = linked
}

/** Before an article is updated: what visitors see of it right now. */
export const rememberPublicState: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (skipped(req) || operation !== 'update' || !originalDoc?.id || !hasDrafts(collection)) return data
  const key = liveKey(collection.slug, originalDoc.id)
  try {
    const row = await liveRowBeforeChange<Row>(req, collection, originalDoc)
    req.context[key] = row && isPublished(row) ? publicState(row) : null
  } catch (error) {
    // The save goes on; assume the article was public so the purge errs on the side of freshness.
    req.payload.logger.error({ err: error, id: originalDoc.id }, '[cache] could not read the published version before a save')
    req.context[key] = { slug: null } satisfies PublicState
  }
  return data
}

/** The visible change a write made, or `null` when visitors can see no difference. */
async function changeAfterWrite(
  collection: SanitizedCollectionConfig,
  slug: CachedCollection,
  doc: Row,
  previousDoc: Row | undefined,
  operation: 'create' | 'update',
  req: PayloadRequest,
): Promise<ContentChange | null> {
  if (!hasDrafts(collection)) {
    return { collection: slug, before: operation === 'update' && previousDoc ? publicState(previousDoc) : null, after: publicState(doc) }
  }
  const key = liveKey(collection.slug, doc.id)
  const before = (req.context[key] as PublicState | undefined) ?? null
  delete req.context[key]
  if (isPublished(doc)) return { collection: slug, before, after: publicState(doc) }
  // A draft was saved: either beside the published version (which stays live: no change) or by
  // unpublishing it (the row is now a draft). Never published before: nothing to tell apart.
  if (!before) return null
  const live = await liveState(req, collection.slug, doc.id)
  return live ? null : { collection: slug, before, after: null }
}

/**
 * The change's purge list (the menu is read only for a visible change); a failure to work it out
 * purges the whole collection instead, and the practice for a collection the menu can link to.
 */
async function purgeFor(
  slug: CachedCollection,
  doc: Row,
  req: PayloadRequest,
  plan: () => Promise<ContentChange | null>,
  inMenu: () => Promise<boolean>,
) {
  let tags: string[]
  try {
    const change = await plan()
    tags = change ? tagsToRevalidate({ ...change, linkedFromMenu: await inMenu() }) : []
  } catch (error) {
    req.payload.logger.error({ err: error, collection: slug }, '[cache] could not tell what changed; purging the whole collection')
    tags = tagsToRevalidate({ collection: slug, before: null, after: publicState(doc), linkedFromMenu: isMenuLinkCollection(slug) })
  }
  purgeCacheTags(tags, req)
}

export const revalidateAfterChange: CollectionAfterChangeHook = async ({ collection, doc, operation, previousDoc, req }) => {
  const slug = cachedCollection(collection)
  if (!slug || skipped(req)) return doc
  await purgeFor(
    slug,
    doc,
    req,
    () => changeAfterWrite(collection, slug, doc, previousDoc, operation, req),
    () => linkedFromMenu(req, slug, doc.id),
  )
  return doc
}

export const revalidateAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
  const slug = cachedCollection(collection)
  if (!slug || skipped(req)) return doc
  // A deleted article was visible only if its row was published; other collections always were.
  const wasPublic = !hasDrafts(collection) || isPublished(doc)
  const key = menuKey(slug, id)
  const remembered = req.context[key] as boolean | undefined
  delete req.context[key]
  await purgeFor(
    slug,
    doc,
    req,
    async () => (wasPublic ? { collection: slug, before: publicState(doc), after: null } : null),
    async () => remembered ?? linkedFromMenu(req, slug, id),
  )
  return doc
}
