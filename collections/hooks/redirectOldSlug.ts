import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { documentPath, isPublicPageCollection, type PublicPageCollection } from '../../lib/paths/routes'
import { normaliseRedirectFrom } from '../../lib/redirects/resolve'
import { REDIRECTS } from '../../lib/collections'
import { liveRowBeforeChange } from './liveRow'

/**
 * Keeps a public page's old address alive when its slug changes: the old path becomes a
 * permanent redirect to the *document* (not to its new path), so a page renamed twice sends both
 * old addresses straight to wherever it lives now, in one hop.
 *
 * Two hooks, because what matters is the slug visitors could last see. For articles that is the
 * last *published* slug: draft saves never touch the collection's own row, and `previousDoc` is
 * the latest version, which may be an unpublished draft. So before the change we read the row
 * as it stands (the live page), and after it compare with what was saved.
 */

type Visibility = { slug?: unknown; _status?: unknown }

/** Articles have drafts; the other page collections are public as soon as they are saved. */
const isPublic = (doc: Visibility | null | undefined) => Boolean(doc) && doc?._status !== 'draft'

const contextKey = (collection: string, id: unknown) => `redirectOldSlug:${collection}:${String(id)}`

export const rememberLiveSlug: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc?.id || !isPublicPageCollection(collection.slug)) return data
  // A draft save (autosave runs every second while typing) changes nothing visitors see.
  if (!isPublic(data)) return data
  const live = await liveRowBeforeChange<Visibility>(req, collection, originalDoc)
  if (live && isPublic(live) && typeof live.slug === 'string') {
    req.context[contextKey(collection.slug, originalDoc.id)] = live.slug
  }
  return data
}

export const redirectOldSlug: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const collectionSlug = collection.slug
  if (!isPublicPageCollection(collectionSlug)) return doc
  const key = contextKey(collectionSlug, doc.id)
  const oldSlug = req.context[key]
  delete req.context[key]
  if (typeof oldSlug !== 'string' || oldSlug === doc.slug || !isPublic(doc)) return doc

  const oldPath = normaliseRedirectFrom(documentPath(collectionSlug, oldSlug))
  const newPath = normaliseRedirectFrom(documentPath(collectionSlug, doc.slug))
  if (!oldPath || !newPath) return doc

  // The page is live at its new address again (say, the slug was changed back): a redirect away
  // from that address would now loop, so it goes.
  await req.payload.delete({ collection: REDIRECTS, where: { from: { equals: newPath } }, overrideAccess: true, req })
  await upsertRedirect(req, oldPath, { relationTo: collectionSlug, value: doc.id })
  return doc
}

async function upsertRedirect(req: PayloadRequest, from: string, reference: { relationTo: PublicPageCollection; value: string }) {
  const data = { from, to: { type: 'reference' as const, reference }, type: '308' as const }
  // Until now a live page answered at `from`, so any redirect stored there never ran: replace it.
  const { docs } = await req.payload.find({
    collection: REDIRECTS,
    where: { from: { equals: from } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (docs[0]) {
    await req.payload.update({ collection: REDIRECTS, id: docs[0].id, data, overrideAccess: true, req })
  } else {
    await req.payload.create({ collection: REDIRECTS, data, overrideAccess: true, req })
  }
}
