import { ARTICLES, AUTHORS, BENEFITS, SERVICES, TOPICS } from '../collections'
import type { Practice } from '../../payload-types'

/** The collections whose pages a menu entry may open (the practice's `navigation`, Settings → Practice → Menu). */
export const MENU_LINK_COLLECTIONS = [ARTICLES, BENEFITS, SERVICES, AUTHORS, TOPICS] as const

export type MenuLinkCollection = (typeof MENU_LINK_COLLECTIONS)[number]

export const isMenuLinkCollection = (collection: string): collection is MenuLinkCollection =>
  (MENU_LINK_COLLECTIONS as readonly string[]).includes(collection)

/**
 * Whether a menu entry opens this document. The entry shows the document's address, resolved when
 * the practice is read (lib/queries/practice.ts), so a change of that document changes the menu.
 * Only entries of the "a page of the site" kind count: an address entry ignores a leftover choice.
 */
export function menuLinksTo(navigation: Practice['navigation'], target: { collection: string; id: unknown }): boolean {
  return (navigation ?? []).some(({ link }) => {
    const document = link?.type === 'document' ? link.document : null
    if (!document || document.relationTo !== target.collection) return false
    const id = document.value && typeof document.value === 'object' ? document.value.id : document.value
    return String(id) === String(target.id)
  })
}
