import { createHash } from 'node:crypto'

import { DomUtils, ElementType, parseDocument } from 'htmlparser2'

import { ARTICLES, MEDIA } from '../collections'
import { editorState, horizontalRule, linebreak, paragraphOf, text, TEXT_FORMAT, type LexicalNode, type LexicalState } from '../richtext/lexical'
import type { LinkTarget } from './addresses'

/**
 * WordPress HTML (after lib/wordpress/prepare.ts) → the article editor's Lexical JSON, holding
 * only nodes that editor has (collections/Articles/editor.ts) and the site renders: paragraphs,
 * h2–h4, bold/italic/strikethrough, lists (nested too), links, quotes, images, rules. Everything
 * else keeps its words as plain text and is named in `notes` for the summary: tables become one
 * line per row, embeds a link, underline and inline code plain text.
 *
 * Images and links to other posts cannot be known by id yet: they are written as references
 * (`wordpress:media:<key>`, `wordpress:post:<id>`) that lib/wordpress/resolve.ts swaps for the
 * documents' ids once they exist. Deterministic: the same HTML always gives the same JSON (node
 * ids are derived from the post), which is how a second import sees that nothing changed.
 */

type Document = ReturnType<typeof parseDocument>
type DomNode = Document['children'][number]
type DomElement = Parameters<typeof DomUtils.getAttributeValue>[0]
type DomText = { type: typeof ElementType.Text; data: string }

// <script> and <style> are elements too, with types of their own.
const isElement = (node: DomNode): node is DomElement => 'attribs' in node
const isText = (node: DomNode): node is DomNode & DomText => node.type === ElementType.Text

export const MEDIA_REFERENCE = 'wordpress:media:'
export const POST_REFERENCE = 'wordpress:post:'

/** What an image in a post shows: an uploaded file (by media key), or null for another site's. */
export type ImageLocator = (image: { src: string; attachmentId: number | null }) => string | null

export type ConvertContext = {
  /** Seeds the node ids, so they are stable per post. */
  postId: number
  locateImage: ImageLocator
  classifyLink: (href: string) => LinkTarget
}

export type Converted = { content: LexicalState; notes: string[] }

/** Kept on an image node until it is resolved: its words, for the media document or a fallback. */
export type ImageHints = { alt: string; caption: string; src: string }

type Sink = {
  /** 'block': paragraphs, lists… at the top of the body; 'inline': inside a heading, list item, quote or link. */
  mode: 'block' | 'inline'
  blocks: LexicalNode[]
  inline: LexicalNode[]
  /** Images met inside an inline container: placed after it. */
  displaced: LexicalNode[]
}

type State = {
  context: ConvertContext
  notes: string[]
  ids: number
  format: number
  /** A figure's caption, waiting for the figure's one image. */
  caption: string
  inQuote: boolean
}

const elementBase = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

const newSink = (mode: Sink['mode']): Sink => ({ mode, blocks: [], inline: [], displaced: [] })

function nodeId(state: State, kind: string): string {
  state.ids += 1
  return createHash('sha1').update(`wordpress:${state.context.postId}:${kind}:${state.ids}`).digest('hex').slice(0, 24)
}

const classes = (element: DomElement) => (DomUtils.getAttributeValue(element, 'class') ?? '').split(/\s+/).filter(Boolean)
const hasClass = (element: DomElement, name: string) => classes(element).some((value) => value === name || value.startsWith(`${name}-`))

export function convertHtml(html: string, context: ConvertContext): Converted {
  const state: State = { context, notes: [], ids: 0, format: 0, caption: '', inQuote: false }
  const sink = newSink('block')
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true })
  walk(document.children, sink, state)
  flush(sink)
  return { content: editorState(sink.blocks), notes: state.notes }
}

function walk(nodes: readonly DomNode[], sink: Sink, state: State) {
  for (const node of nodes) {
    if (isText(node)) sink.inline.push(text(node.data, state.format))
    else if (isElement(node)) element(node, sink, state)
    // Comments (`<!--more-->`), CDATA and processing instructions hold nothing to show.
  }
}

/** Children converted with an extra text format (bold inside <strong>…). */
function withFormat(format: number, node: DomElement, sink: Sink, state: State) {
  const before = state.format
  state.format |= format
  walk(node.children, sink, state)
  state.format = before
}

/** Notes the loss once per kind; the words themselves are always kept. */
function note(state: State, message: string) {
  if (!state.notes.includes(message)) state.notes.push(message)
}

function element(node: DomElement, sink: Sink, state: State) {
  const name = node.name
  switch (name) {
    case 'strong':
    case 'b':
      return withFormat(TEXT_FORMAT.bold, node, sink, state)
    case 'em':
    case 'i':
    case 'dfn':
    case 'var':
      return withFormat(TEXT_FORMAT.italic, node, sink, state)
    case 'cite':
      if (state.inQuote) {
        // The quote's source, on a line of its own after the words.
        boundary(sink)
        sink.inline.push(text('— ', state.format))
      }
      return withFormat(TEXT_FORMAT.italic, node, sink, state)
    case 's':
    case 'del':
    case 'strike':
      return withFormat(TEXT_FORMAT.strikethrough, node, sink, state)
    case 'u':
    case 'ins':
      note(state, 'underlined text (shown plain: on the web underline reads as a link)')
      return walk(node.children, sink, state)
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      note(state, 'inline code (shown as plain text)')
      return walk(node.children, sink, state)
    case 'sup':
    case 'sub':
      note(state, 'superscript or subscript (shown as plain text)')
      return walk(node.children, sink, state)
    case 'mark':
      note(state, 'highlighted text (shown plain)')
      return walk(node.children, sink, state)
    case 'br':
      sink.inline.push(linebreak())
      return
    case 'a':
      return link(node, sink, state)
    case 'img':
      return image(node, sink, state)
    case 'p':
    case 'div':
    case 'section':
    case 'article':
    case 'main':
    case 'header':
    case 'footer':
    case 'aside':
    case 'nav':
    case 'center':
    case 'address':
    case 'li':
    case 'dd':
    case 'hgroup':
    case 'fieldset':
      boundary(sink)
      walk(node.children, sink, state)
      return boundary(sink)
    case 'dt':
    case 'summary':
      return ownLine(node, TEXT_FORMAT.bold, sink, state)
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return headingElement(node, sink, state)
    case 'ul':
    case 'ol':
      return listElement(node, sink, state)
    case 'blockquote':
      return quoteElement(node, sink, state)
    case 'figure':
      return figure(node, sink, state)
    case 'figcaption':
      return ownLine(node, TEXT_FORMAT.italic, sink, state)
    case 'hr':
      if (sink.mode === 'block') pushBlock(sink, horizontalRule())
      else boundary(sink)
      return
    case 'table':
      return table(node, sink, state)
    case 'pre':
      return preformatted(node, sink, state)
    case 'iframe':
    case 'video':
    case 'audio':
    case 'embed':
    case 'object':
      return embedded(node, sink, state)
    case 'script':
    case 'style':
    case 'noscript':
    case 'template':
    case 'form':
    case 'input':
    case 'select':
    case 'textarea':
    case 'button':
    case 'svg':
    case 'canvas':
    case 'math':
      note(state, `${name === 'form' || name === 'input' || name === 'select' || name === 'textarea' || name === 'button' ? 'a form' : `a <${name}> element`} (removed: the site shows no code or forms from an article)`)
      return
    case 'source':
    case 'track':
    case 'wbr':
    case 'meta':
    case 'link':
    case 'caption':
      return
    default:
      // span, font, small, abbr, time, cite, q…: their words, in the surrounding text.
      return walk(node.children, sink, state)
  }
}

/** Ends the current paragraph (block mode) or line (inline mode). */
function boundary(sink: Sink) {
  if (sink.mode === 'block') return flush(sink)
  // The markup's own line ends (whitespace between tags) do not count as content.
  const last = sink.inline.findLast((node) => node.type !== 'text' || VISIBLE.test(node.text ?? ''))
  if (last && last.type !== 'linebreak') sink.inline.push(linebreak())
}

function pushBlock(sink: Sink, node: LexicalNode) {
  if (sink.mode === 'inline') {
    sink.displaced.push(node)
    return
  }
  flush(sink)
  sink.blocks.push(node)
}

function flush(sink: Sink) {
  if (sink.mode === 'inline') return
  const children = tidyInline(sink.inline)
  sink.inline = []
  if (children.some(isVisible)) sink.blocks.push(paragraphOf(children))
}

const VISIBLE = /[^\s\u00a0]/

function isVisible(node: LexicalNode): boolean {
  if (node.type === 'text') return VISIBLE.test(node.text ?? '')
  return Array.isArray(node.children) && node.children.some(isVisible)
}

/**
 * HTML's whitespace rules applied to a run of inline nodes: runs of spaces and line ends become
 * one space, none at the start or end of a line; empty texts and empty links go; neighbouring
 * texts of the same format merge.
 */
function tidyInline(nodes: LexicalNode[]): LexicalNode[] {
  let atLineStart = true
  const collapse = (list: LexicalNode[]): LexicalNode[] =>
    list.flatMap((node) => {
      if (node.type === 'text') {
        let value = (node.text ?? '').replace(/[ \t\n\r\f]+/g, ' ')
        if (atLineStart || lastEndsWithSpace) value = value.replace(/^ /, '')
        if (value === '') return []
        atLineStart = false
        lastEndsWithSpace = value.endsWith(' ')
        return [{ ...node, text: value }]
      }
      if (node.type === 'linebreak') {
        atLineStart = true
        lastEndsWithSpace = false
        return [node]
      }
      const children = collapse(node.children ?? [])
      return children.some(isVisible) ? [{ ...node, children }] : []
    })
  let lastEndsWithSpace = false
  const collapsed = collapse(nodes)
  // No space before a line break or at the end; no line breaks at either end.
  const trimEnd = (list: LexicalNode[], index: number): void => {
    for (let i = index; i >= 0; i--) {
      const node = list[i]
      if (node.type === 'linebreak') return
      if (node.type === 'text') {
        node.text = (node.text ?? '').replace(/ $/, '')
        if (node.text === '') list.splice(i, 1)
        else return
      } else if (node.children) {
        trimEnd(node.children, node.children.length - 1)
        if (node.children.length === 0) list.splice(i, 1)
        else return
      }
    }
  }
  for (let i = collapsed.length - 1; i >= 0; i--) if (collapsed[i].type === 'linebreak') trimEnd(collapsed, i - 1)
  trimEnd(collapsed, collapsed.length - 1)
  while (collapsed[0]?.type === 'linebreak') collapsed.shift()
  while (collapsed.at(-1)?.type === 'linebreak') collapsed.pop()
  return mergeTexts(collapsed)
}

function mergeTexts(nodes: LexicalNode[]): LexicalNode[] {
  const merged: LexicalNode[] = []
  for (const node of nodes) {
    const previous = merged.at(-1)
    if (node.type === 'text' && previous?.type === 'text' && previous.format === node.format) {
      previous.text = `${previous.text ?? ''}${node.text ?? ''}`
    } else if (node.children) merged.push({ ...node, children: mergeTexts(node.children) })
    else merged.push(node)
  }
  return merged
}

/** Converts children into one run of inline nodes (paragraphs inside become line breaks). */
function inlineContent(nodes: readonly DomNode[], state: State): { inline: LexicalNode[]; displaced: LexicalNode[] } {
  const sink = newSink('inline')
  walk(nodes, sink, state)
  return { inline: tidyInline(sink.inline), displaced: sink.displaced }
}

/** Images (and the like) found inside an inline container go right after it. */
function placeDisplaced(sink: Sink, displaced: LexicalNode[]) {
  for (const node of displaced) pushBlock(sink, node)
}

const HEADING_TAGS: Record<string, 'h2' | 'h3' | 'h4'> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' }

function headingElement(node: DomElement, sink: Sink, state: State) {
  if (sink.mode === 'inline') {
    boundary(sink)
    withFormat(TEXT_FORMAT.bold, node, sink, state)
    return boundary(sink)
  }
  const { inline, displaced } = inlineContent(node.children, state)
  // h1 is the article's title: the body's headings start at h2 (and stop at h4, as in the editor).
  if (inline.some(isVisible)) pushBlock(sink, { ...elementBase, type: 'heading', tag: HEADING_TAGS[node.name], children: inline })
  placeDisplaced(sink, displaced)
}

function listElement(node: DomElement, sink: Sink, state: State) {
  if (sink.mode === 'inline') {
    for (const item of node.children.filter(isElement)) {
      boundary(sink)
      sink.inline.push(text(node.name === 'ol' ? '– ' : '• ', state.format))
      walk(item.name === 'li' ? item.children : [item], sink, state)
    }
    return boundary(sink)
  }
  const displaced: LexicalNode[] = []
  const list = buildList(node, 0, state, displaced)
  if (list) pushBlock(sink, list)
  if (displaced.length > 0) note(state, 'an image inside a list (placed after the list)')
  placeDisplaced(sink, displaced)
}

/**
 * A list as Lexical stores it: each item's words in a `listitem`, and a nested list in a
 * `listitem` of its own right after it, its items indented one level more.
 */
function buildList(node: DomElement, depth: number, state: State, displaced: LexicalNode[]): LexicalNode | null {
  const ordered = node.name === 'ol'
  const items: LexicalNode[] = []
  const addItem = (children: LexicalNode[]) =>
    items.push({ ...elementBase, indent: depth, type: 'listitem', value: items.length + 1, children })
  for (const child of node.children) {
    if (!isElement(child)) continue
    if (child.name === 'ul' || child.name === 'ol') {
      // A list directly inside a list (not inside an <li>): nested under the item before it.
      const nested = buildList(child, depth + 1, state, displaced)
      if (nested) addItem([nested])
      continue
    }
    const nestedLists = child.children.filter((grandchild): grandchild is DomElement => isElement(grandchild) && (grandchild.name === 'ul' || grandchild.name === 'ol'))
    const own = inlineContent(
      child.children.filter((grandchild) => !nestedLists.includes(grandchild as DomElement)),
      state,
    )
    displaced.push(...own.displaced)
    if (own.inline.some(isVisible) || nestedLists.length === 0) addItem(own.inline)
    for (const nestedList of nestedLists) {
      const nested = buildList(nestedList, depth + 1, state, displaced)
      if (nested) addItem([nested])
    }
  }
  if (items.length === 0) return null
  const start = Number.parseInt(DomUtils.getAttributeValue(node, 'start') ?? '1', 10)
  return {
    ...elementBase,
    type: 'list',
    listType: ordered ? 'number' : 'bullet',
    tag: ordered ? 'ol' : 'ul',
    start: Number.isFinite(start) && start > 0 ? start : 1,
    children: items,
  }
}

function quoteElement(node: DomElement, sink: Sink, state: State) {
  if (sink.mode === 'inline') {
    boundary(sink)
    walk(node.children, sink, state)
    return boundary(sink)
  }
  const quoteSink = newSink('inline')
  const before = state.inQuote
  state.inQuote = true
  walk(node.children, quoteSink, state)
  state.inQuote = before
  const children = tidyInline(quoteSink.inline)
  if (children.some(isVisible)) pushBlock(sink, { ...elementBase, type: 'quote', children })
  placeDisplaced(sink, quoteSink.displaced)
}

/** `<figure>`: an image with its caption, a gallery, an embed, a table or a pull quote. */
function figure(node: DomElement, sink: Sink, state: State) {
  const captionElement = node.children.find((child): child is DomElement => isElement(child) && child.name === 'figcaption')
  const caption = captionElement ? DomUtils.textContent(captionElement).replace(/\s+/g, ' ').trim() : ''
  const content = node.children.filter((child) => child !== captionElement)
  const nestedFigures = DomUtils.findAll((element) => element.name === 'figure', content)
  const images = DomUtils.findAll((element) => element.name === 'img', content)

  if (hasClass(node, 'wp-block-embed') || hasClass(node, 'wp-block-video') || hasClass(node, 'wp-block-audio')) {
    const wrapperText = DomUtils.textContent(content).trim()
    const media = DomUtils.findOne((element) => ['iframe', 'video', 'audio', 'source'].includes(element.name), content)
    const url = (media && (DomUtils.getAttributeValue(media, 'src') ?? '')) || (/^https?:\/\/\S+$/.test(wrapperText) ? wrapperText : '')
    if (url) embedLink(url, sink, state)
    if (captionElement) ownLine(captionElement, TEXT_FORMAT.italic, sink, state)
    return
  }
  if (nestedFigures.length === 0 && images.length === 1) {
    // One image and its caption: the caption belongs to the image (the media's caption).
    state.caption = caption
    walk(content, sink, state)
    state.caption = ''
    return
  }
  walk(content, sink, state)
  if (captionElement) ownLine(captionElement, TEXT_FORMAT.italic, sink, state)
}

/** An element's words on a line (a paragraph) of their own, in a format: captions, terms. */
function ownLine(node: DomElement, format: number, sink: Sink, state: State) {
  boundary(sink)
  withFormat(format, node, sink, state)
  boundary(sink)
}

function image(node: DomElement, sink: Sink, state: State) {
  const attribute = (name: string) => DomUtils.getAttributeValue(node, name)?.trim() ?? ''
  const alt = attribute('alt')
  const src = attribute('src') || attribute('data-src') || attribute('data-lazy-src')
  // WordPress swaps emoji for pictures of them in some places; the character is the content.
  if (hasClass(node, 'emoji') || /\/images\/core\/emoji\//.test(src)) {
    sink.inline.push(text(alt, state.format))
    return
  }
  const idClass = classes(node).map((value) => /^wp-image-(\d+)$/.exec(value)?.[1]).find(Boolean)
  const attachmentId = Number(idClass ?? attribute('data-id')) || null
  const caption = state.caption
  state.caption = ''
  const key = state.context.locateImage({ src, attachmentId })
  if (!key) {
    if (!src) return
    const host = (() => {
      try {
        return new URL(src).host
      } catch {
        return 'another site'
      }
    })()
    note(state, `an image from ${host} (kept as a link: images from other sites are not copied)`)
    const label = alt || caption || src
    pushBlock(sink, paragraphOf([linkNode(state, { linkType: 'custom', url: src, newTab: false }, [text(label)])]))
    return
  }
  const hints: ImageHints = { alt, caption, src }
  pushBlock(sink, {
    type: 'upload',
    version: 3,
    format: '',
    id: nodeId(state, 'upload'),
    fields: null,
    relationTo: MEDIA,
    value: `${MEDIA_REFERENCE}${key}`,
    wordpress: hints,
  })
}

function linkNode(state: State, fields: Record<string, unknown>, children: LexicalNode[]): LexicalNode {
  return { ...elementBase, type: 'link', version: 3, id: nodeId(state, 'link'), fields, children }
}

function link(node: DomElement, sink: Sink, state: State) {
  const href = DomUtils.getAttributeValue(node, 'href')
  if (href === undefined) return walk(node.children, sink, state)
  const target = state.context.classifyLink(href)
  if (target.kind === 'none') {
    if (target.note) note(state, target.note)
    return walk(node.children, sink, state)
  }
  const newTab = DomUtils.getAttributeValue(node, 'target') === '_blank'
  const { inline, displaced } = inlineContent(node.children, state)
  if (target.kind === 'url' && target.note) note(state, target.note)
  if (displaced.length > 0 && target.kind !== 'image') note(state, 'a linked image (the image is kept; the link around it is not)')
  if (inline.some(isVisible)) {
    const fields =
      target.kind === 'post'
        ? { linkType: 'internal', newTab, doc: { relationTo: ARTICLES, value: `${POST_REFERENCE}${target.postId}` }, url: href }
        : target.kind === 'image'
          ? { linkType: 'custom', newTab, url: `${MEDIA_REFERENCE}${target.key}`, fallbackUrl: href }
          : { linkType: 'custom', newTab, url: target.url }
    sink.inline.push(linkNode(state, fields, inline))
  }
  placeDisplaced(sink, displaced)
}

function table(node: DomElement, sink: Sink, state: State) {
  note(state, 'a table (kept as text: one line per row, cells separated by " | ")')
  const rows = DomUtils.findAll((element) => element.name === 'tr', node.children)
  for (const row of rows) {
    const cells = row.children.filter((cell): cell is DomElement => isElement(cell) && (cell.name === 'td' || cell.name === 'th'))
    boundary(sink)
    cells.forEach((cell, index) => {
      if (index > 0) sink.inline.push(text(' | ', state.format))
      withFormat(cell.name === 'th' ? TEXT_FORMAT.bold : 0, cell, sink, state)
    })
    boundary(sink)
  }
  const caption = DomUtils.findOne((element) => element.name === 'caption', node.children)
  if (caption) ownLine(caption, TEXT_FORMAT.italic, sink, state)
}

/** `<pre>` keeps its line breaks as a paragraph's; poetry (a verse block) loses nothing. */
function preformatted(node: DomElement, sink: Sink, state: State) {
  if (!hasClass(node, 'wp-block-verse')) {
    note(state, hasClass(node, 'wp-block-code') || DomUtils.findOne((element) => element.name === 'code', node.children) ? 'a code block (kept as plain text)' : 'preformatted text (kept as a plain paragraph)')
  }
  boundary(sink)
  const lines = DomUtils.textContent(node).replace(/^\n/, '').replace(/\n+$/, '').split('\n')
  lines.forEach((line, index) => {
    if (index > 0) sink.inline.push(linebreak())
    // Leading spaces matter in preformatted text: keep them as no-break spaces.
    sink.inline.push(text(line.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length)), state.format))
  })
  boundary(sink)
}

function embedded(node: DomElement, sink: Sink, state: State) {
  const source = DomUtils.findOne((element) => element.name === 'source', node.children)
  const url = DomUtils.getAttributeValue(node, 'src') ?? DomUtils.getAttributeValue(node, 'data') ?? (source ? DomUtils.getAttributeValue(source, 'src') : undefined)
  if (url) embedLink(url, sink, state)
}

function embedLink(url: string, sink: Sink, state: State) {
  let host = url
  try {
    host = new URL(url).host.replace(/^www\./, '')
  } catch {
    // a relative address: named as it is
  }
  note(state, `an embedded video, audio or post from ${host} (kept as a link)`)
  const target = state.context.classifyLink(url)
  const href = target.kind === 'url' ? target.url : url
  boundary(sink)
  sink.inline.push(linkNode(state, { linkType: 'custom', url: href, newTab: false }, [text(url)]))
  boundary(sink)
}
