import type { PayloadRequest, SanitizedCollectionConfig, TypeWithID } from 'payload'

/**
 * The collection's own row as it stands before a save: what visitors see. For a collection with
 * drafts that is the published version (a draft save only adds a version), which `originalDoc`
 * is not (it is the latest version, possibly a draft), so it is read from the database, once per
 * save however many of its hooks ask (the slug-redirect and revalidation hooks both need it). Without
 * drafts, `originalDoc` is that row already.
 */
export async function liveRowBeforeChange<T extends object = Record<string, unknown>>(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  originalDoc: TypeWithID,
): Promise<T | null> {
  if (!(collection.versions && collection.versions.drafts)) return originalDoc as unknown as T
  let read = readsThisSave.get(originalDoc)
  if (!read) {
    read = req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: originalDoc.id } }, req })
    readsThisSave.set(originalDoc, read)
  }
  return (await read) as T | null
}

/** Keyed by the save's own `originalDoc` object: shared by that save's hooks, never by the next save. */
const readsThisSave = new WeakMap<object, Promise<unknown>>()
