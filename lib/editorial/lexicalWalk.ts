import { type LexicalNode, textOf } from '@/lib/richtext/lexical'

export { textOf }

/** Every node of a Lexical editor state, depth first in document order. Tolerates partial JSON. */
export function allNodes(state: unknown): LexicalNode[] {
  const root = (state as { root?: LexicalNode } | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return []
  const nodes: LexicalNode[] = []
  const visit = (node: LexicalNode) => {
    nodes.push(node)
    if (Array.isArray(node.children)) node.children.forEach(visit)
  }
  root.children.forEach(visit)
  return nodes
}

/** Nodes holding running prose (not headings): the text readers read in sentences. */
const PROSE_BLOCKS = new Set(['paragraph', 'listitem', 'quote'])

/**
 * Prose of the body, one entry per paragraph, list item or quote. A list item's nested list is
 * its own entry, so no text is counted twice.
 */
export function proseBlocks(state: unknown): string[] {
  const blocks: string[] = []
  for (const node of allNodes(state)) {
    if (!PROSE_BLOCKS.has(node.type)) continue
    const ownText = (node.children ?? [])
      .filter((child) => child.type !== 'list')
      .map(textOf)
      .join('')
      .trim()
    if (ownText) blocks.push(ownText)
  }
  return blocks
}

/** Headings and prose together, for checks that read every visible word. */
export function visibleText(state: unknown): string {
  const headings = allNodes(state)
    .filter((node) => node.type === 'heading')
    .map(textOf)
  return [...headings, ...proseBlocks(state)].join('\n')
}
