/**
 * Builds and reads Lexical's serialized editor state without a browser editor: the seed writes
 * documents with it, and tests and excerpts read plain text out of it. `allNodes` is the one walk
 * over a document's tree: headings, editorial checks and prose all read nodes through it.
 */
export type LexicalNode = {
  type: string
  version: number
  children?: LexicalNode[]
  text?: string
  tag?: string
  fields?: Record<string, unknown> | null
  [key: string]: unknown
}

export type LexicalState = {
  root: {
    type: 'root'
    children: LexicalNode[]
    direction: 'ltr' | 'rtl' | null
    format: '' | 'left' | 'start' | 'center' | 'right' | 'end' | 'justify'
    indent: number
    version: number
  }
}

const textNode = (text: string): LexicalNode => ({
  type: 'text',
  text,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const elementBase = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

export const paragraph = (text: string): LexicalNode => ({
  ...elementBase,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children: [textNode(text)],
})

export const heading = (text: string, tag: 'h2' | 'h3' | 'h4' = 'h2'): LexicalNode => ({
  ...elementBase,
  type: 'heading',
  tag,
  children: [textNode(text)],
})

export const block = (blockType: string, id: string, fields: Record<string, unknown> = {}): LexicalNode => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id, blockName: '', blockType, ...fields },
})

export const editorState = (children: LexicalNode[]): LexicalState => ({
  root: { ...elementBase, type: 'root', children },
})

/** The visible text inside a node (a line break or tab counts as a space). Tolerates partial JSON. */
export function textOf(node: LexicalNode): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : ''
  if (node.type === 'linebreak' || node.type === 'tab') return ' '
  return Array.isArray(node.children) ? node.children.map(textOf).join('') : ''
}

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

/**
 * True when the document places a block of this type at its top level: the article page and the
 * feeds both put the benefit list where the writer placed its block, or after the body.
 */
export function hasTopLevelBlock(state: unknown, blockType: string): boolean {
  const children = (state as { root?: LexicalNode } | null | undefined)?.root?.children
  return Array.isArray(children) && children.some((node) => node.type === 'block' && node.fields?.blockType === blockType)
}

/** Plain text of a document, one line per block element, in document order. */
export function toPlainText(state: unknown): string {
  const root = (state as LexicalState | null | undefined)?.root
  if (!root?.children) return ''
  const lines: string[] = []
  const inline = (node: LexicalNode): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'linebreak' ? '\n' : (node.children ?? []).map(inline).join('')
  const walk = (node: LexicalNode) => {
    if (node.type === 'list' || node.type === 'root') return node.children?.forEach(walk)
    if (node.children) return void lines.push(node.children.map(inline).join(''))
    if (node.type === 'text') lines.push(node.text ?? '')
  }
  root.children.forEach(walk)
  return lines.filter((line) => line.trim() !== '').join('\n')
}

/** Lexical's text format bits, as stored in a text node's `format` (lexical/utils/nodeFormat). */
export const TEXT_FORMAT = { bold: 1, italic: 1 << 1, strikethrough: 1 << 2, code: 1 << 4, subscript: 1 << 5, superscript: 1 << 6 } as const

/**
 * The semantic tag for each format the editor offers, innermost first (components/RichText.tsx
 * wraps text in them for the page and the feeds alike), never with inline styles.
 */
export const TEXT_FORMAT_TAGS: readonly [bit: number, tag: 'code' | 'sub' | 'sup' | 's' | 'em' | 'strong'][] = [
  [TEXT_FORMAT.code, 'code'],
  [TEXT_FORMAT.subscript, 'sub'],
  [TEXT_FORMAT.superscript, 'sup'],
  [TEXT_FORMAT.strikethrough, 's'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.bold, 'strong'],
]

/** A text node; `format` combines TEXT_FORMAT bits. */
export const text = (value: string, format = 0): LexicalNode => ({ ...textNode(value), format })

/** A paragraph of mixed inline nodes (text, links, line breaks). */
export const paragraphOf = (children: LexicalNode[]): LexicalNode => ({
  ...elementBase,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children,
})

export const linebreak = (): LexicalNode => ({ type: 'linebreak', version: 1 })

export const list = (kind: 'bullet' | 'number', items: string[]): LexicalNode => ({
  ...elementBase,
  type: 'list',
  listType: kind,
  tag: kind === 'bullet' ? 'ul' : 'ol',
  start: 1,
  children: items.map((item, i) => ({ ...elementBase, type: 'listitem', value: i + 1, children: [textNode(item)] })),
})

export const quote = (value: string): LexicalNode => ({ ...elementBase, type: 'quote', children: [textNode(value)] })

export const horizontalRule = (): LexicalNode => ({ type: 'horizontalrule', version: 1 })

/** A link to a web address; `newTab` opens it in a new tab. */
export const externalLink = (label: string, url: string, { newTab = false, id = `link-${label}` } = {}): LexicalNode => ({
  ...elementBase,
  type: 'link',
  version: 3,
  id,
  fields: { linkType: 'custom', url, newTab },
  children: [textNode(label)],
})

/** A link to another document by relationship: its id, or the populated document. */
export const internalLink = (
  label: string,
  relationTo: string,
  value: string | Record<string, unknown>,
  { id = `link-${label}` } = {},
): LexicalNode => ({
  ...elementBase,
  type: 'link',
  version: 3,
  id,
  fields: { linkType: 'internal', newTab: false, doc: { relationTo, value } },
  children: [textNode(label)],
})

/** An image from an upload collection: its id, or the populated document. */
export const upload = (relationTo: string, value: string | Record<string, unknown>, id = 'upload-1'): LexicalNode => ({
  type: 'upload',
  version: 3,
  format: '',
  id,
  fields: null,
  relationTo,
  value,
})
