import { slugify } from '../paths/slug'
import { allNodes, type LexicalNode, textOf } from './lexical'

/**
 * Heading anchors and the table of contents. Both the page renderer and the table of contents
 * read ids from `headingIds`, so a link in the contents always finds its heading.
 */

export type HeadingLevel = 2 | 3 | 4

export type TocEntry = { id: string; text: string; level: HeadingLevel }

const LEVELS: Record<string, HeadingLevel> = { h2: 2, h3: 3, h4: 4 }

/** Plain text inside a node: its text, its children's text, line breaks as spaces. */
export { textOf as nodeText }

const headingsOf = (state: unknown): LexicalNode[] => allNodes(state).filter((node) => node.type === 'heading')

/**
 * A stable `id` for every heading, in document order: its slugified text ("Why it matters" →
 * `why-it-matters`), with `-2`, `-3`… on repeats, never one of `reserved` (other ids on the page,
 * such as the benefit list's). A heading without letters or digits gets `section`.
 * Keyed by node object, so the renderer can look up the node it is converting.
 */
export function headingIds(state: unknown, reserved: Iterable<string> = []): Map<LexicalNode, string> {
  const taken = new Set(reserved)
  const ids = new Map<LexicalNode, string>()
  for (const node of headingsOf(state)) {
    const base = slugify(textOf(node)) || 'section'
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    ids.set(node, id)
  }
  return ids
}

/** The entries of the article's table of contents: its h2 and h3 headings with their ids. */
export function tableOfContents(state: unknown, reserved: Iterable<string> = []): TocEntry[] {
  const entries: TocEntry[] = []
  for (const [node, id] of headingIds(state, reserved)) {
    const level = LEVELS[node.tag ?? '']
    const text = textOf(node).replace(/\s+/g, ' ').trim()
    if ((level === 2 || level === 3) && text) entries.push({ id, text, level })
  }
  return entries
}

/** Below this many entries a table of contents only repeats what the reader already sees. */
export const TOC_MIN_ENTRIES = 2
