/**
 * The order to restore collections in: a collection after the ones its relationship and upload
 * fields point to (media before the authors whose photo they are, authors before articles…), so
 * SQLite's foreign keys always find the row they name. Cycles (none today) fall back to the
 * configured order.
 */
type FieldLike = {
  type?: string
  relationTo?: string | string[]
  fields?: FieldLike[]
  tabs?: FieldLike[]
  blocks?: FieldLike[]
}

export type CollectionLike = { slug: string; fields: FieldLike[] }

export function referencedCollections(fields: FieldLike[]): Set<string> {
  const found = new Set<string>()
  const visit = (list: FieldLike[] | undefined) => {
    for (const field of list ?? []) {
      if ((field.type === 'relationship' || field.type === 'upload') && field.relationTo) {
        for (const slug of ([] as string[]).concat(field.relationTo)) found.add(slug)
      }
      visit(field.fields)
      visit(field.tabs)
      visit(field.blocks)
    }
  }
  visit(fields)
  return found
}

export function restoreOrder(collections: CollectionLike[]): string[] {
  const slugs = new Set(collections.map((collection) => collection.slug))
  const dependsOn = new Map(
    collections.map((collection) => [
      collection.slug,
      [...referencedCollections(collection.fields)].filter((slug) => slugs.has(slug) && slug !== collection.slug),
    ]),
  )
  const ordered: string[] = []
  const visiting = new Set<string>()
  const visit = (slug: string) => {
    if (ordered.includes(slug) || visiting.has(slug)) return
    visiting.add(slug)
    for (const dependency of dependsOn.get(slug) ?? []) visit(dependency)
    visiting.delete(slug)
    ordered.push(slug)
  }
  for (const collection of collections) visit(collection.slug)
  return ordered
}
