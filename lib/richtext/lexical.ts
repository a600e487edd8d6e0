/**
 * Builds and reads Lexical's serialized editor state without a browser editor: the seed writes
 * documents with it, and tests and excerpts read plain text out of it.
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

/** Lexical's text format bits, as stored in a text node's `format`. */
export const TEXT_FORMAT = { bold: 1, italic: 1 << 1, strikethrough: 1 << 2 } as const

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
