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
  fields?: Record<string, unknown>
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
