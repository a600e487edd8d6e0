/**
 * A post's stored content → plain HTML, before it is read as a tree (lib/wordpress/html.ts):
 *
 * - Block-editor posts (`<!-- wp:paragraph -->` comments) are already HTML; the comments only
 *   matter where they stand alone: a reusable block (`wp:block {"ref":12}`, expanded from the
 *   export) or a block WordPress drew at view time (latest posts, a calendar…), which has no
 *   content to import and is named in the summary.
 * - Classic-editor posts have no `<p>`: WordPress makes paragraphs of blank-line-separated text
 *   when it shows them (wpautop). So does this, and so it does for text between blocks.
 * - Shortcodes: `[caption]` and `[gallery]` become figures, `[embed]` a link; others are kept as
 *   text (what they drew came from a plugin) and named in the summary.
 */

export type PrepareContext = {
  /** The content of a reusable block (`wp_block` item) by id. */
  reusableBlock: (id: number) => string | null
  /** Attachment ids of the images attached to the post, in order (a `[gallery]` with no ids). */
  attachedImages: () => number[]
}

export type PreparedHtml = { html: string; notes: string[] }

const BLOCK_COMMENT = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)(?:\s+(\{[\s\S]*?\}))?\s+(\/)?-->/g

/** Block names whose self-closing comment WordPress expanded when showing the page. */
const blockLabel = (name: string) => name.replace(/^core\//, '').replace(/-/g, ' ')

const MAX_REUSABLE_DEPTH = 5

export function prepareContent(raw: string, context: PrepareContext, depth = 0): PreparedHtml {
  const notes: string[] = []
  const text = raw.replace(/\r\n?/g, '\n')
  const html = text.includes('<!-- wp:') ? prepareBlocks(text, context, notes, depth) : autop(text)
  return { html: shortcodes(html, context, notes), notes }
}

function prepareBlocks(text: string, context: PrepareContext, notes: string[], depth: number): string {
  const out: string[] = []
  let open = 0
  let last = 0
  let freeform = ''
  const flushFreeform = () => {
    if (freeform.trim()) out.push(autop(freeform))
    freeform = ''
  }
  for (const match of text.matchAll(BLOCK_COMMENT)) {
    const [token, closing, name, attributes, selfClosing] = match
    const between = text.slice(last, match.index)
    last = (match.index ?? 0) + token.length
    if (open === 0) freeform += between
    else out.push(between)
    if (closing) {
      open = Math.max(0, open - 1)
      continue
    }
    if (!selfClosing) {
      if (open === 0) flushFreeform()
      open++
      continue
    }
    if (open === 0) flushFreeform()
    out.push(selfClosingBlock(name, attributes, context, notes, depth))
  }
  if (open === 0) freeform += text.slice(last)
  else out.push(text.slice(last))
  flushFreeform()
  return out.join('\n')
}

function selfClosingBlock(name: string, attributes: string | undefined, context: PrepareContext, notes: string[], depth: number): string {
  const blockName = name.replace(/^core\//, '')
  if (blockName === 'block') {
    let ref = 0
    try {
      ref = Number((JSON.parse(attributes ?? '{}') as { ref?: unknown }).ref)
    } catch {
      ref = 0
    }
    const content = ref > 0 && depth < MAX_REUSABLE_DEPTH ? context.reusableBlock(ref) : null
    if (content === null) {
      notes.push(`a reusable block (#${ref || '?'}) that is not in the export`)
      return ''
    }
    const inner = prepareContent(content, context, depth + 1)
    notes.push(...inner.notes)
    return inner.html
  }
  // Spacers and separators drawn by WordPress hold nothing to read.
  if (['spacer', 'separator', 'more', 'nextpage'].includes(blockName)) return ''
  notes.push(`a "${blockLabel(name)}" block, which WordPress drew when the page was shown (nothing to import)`)
  return ''
}

/** Tags that stand on their own line: wpautop never wraps them in a paragraph. */
const BLOCK_TAGS =
  'address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|iframe|legend|li|main|map|math|menu|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|script|style|noscript'
const BLOCK_OPEN = new RegExp(`(<(?:${BLOCK_TAGS})(?=[\\s/>]))`, 'gi')
const BLOCK_CLOSE = new RegExp(`(</(?:${BLOCK_TAGS})>)`, 'gi')
const STARTS_WITH_BLOCK = new RegExp(`^</?(?:${BLOCK_TAGS})(?=[\\s/>])`, 'i')
const SHORTCODE_BLOCK = /^\[\/?(?:caption|gallery|embed|video|audio)\b/i

/**
 * WordPress's automatic paragraphs, as it applies them to classic content: text separated by a
 * blank line is a paragraph, a single line break inside one is a `<br>`, block-level elements
 * stand alone, and `<pre>` is left exactly as written.
 */
export function autop(text: string): string {
  const kept: string[] = []
  const keep = (html: string) => `\u0000${kept.push(html) - 1}\u0000`
  const protectedText = text
    .replace(/\r\n?/g, '\n')
    .replace(/<pre[\s>][\s\S]*?<\/pre>/gi, keep)
    .replace(/<!--[\s\S]*?-->/g, keep)
  const spaced = protectedText.replace(BLOCK_OPEN, '\n\n$1').replace(BLOCK_CLOSE, '$1\n\n')
  const chunks = spaced
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) =>
      STARTS_WITH_BLOCK.test(chunk) || /^\u0000\d+\u0000$/.test(chunk) || SHORTCODE_BLOCK.test(chunk)
        ? chunk
        : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`,
    )
  return chunks.join('\n').replace(/\u0000(\d+)\u0000/g, (_match, index: string) => kept[Number(index)])
}

/** `key="value"` and `key='value'` pairs of a shortcode. */
function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? ''
  }
  return attributes
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

const HANDLED_SHORTCODES = new Set(['caption', 'wp_caption', 'gallery', 'embed', 'video', 'audio'])

function shortcodes(html: string, context: PrepareContext, notes: string[]): string {
  let out = html.replace(/\[(caption|wp_caption)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_match, _name, attributeText: string, inner: string) => {
    const attributes = shortcodeAttributes(attributeText)
    // The image (maybe inside a link), then the caption's words; older posts put them in caption="".
    const image = /^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i.exec(inner)
    const caption = image ? inner.slice(image[0].length).trim() : ''
    const words = caption || attributes.caption || ''
    return `<figure class="wp-caption">${image ? image[0] : inner}${words ? `<figcaption>${words}</figcaption>` : ''}</figure>`
  })
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_match, attributeText: string) => {
    const attributes = shortcodeAttributes(attributeText)
    const ids = (attributes.ids ?? attributes.include ?? '')
      .split(',')
      .map((id) => Number(id.trim()))
      .filter((id) => id > 0)
    const chosen = ids.length > 0 ? ids : context.attachedImages()
    if (chosen.length === 0) {
      notes.push('a gallery with no images in the export')
      return ''
    }
    return `<figure class="wp-block-gallery">${chosen.map((id) => `<figure><img class="wp-image-${id}" src="" alt=""></figure>`).join('')}</figure>`
  })
  out = out.replace(/\[(embed|video|audio)([^\]]*)\](?:([\s\S]*?)\[\/\1\])?/gi, (_match, kind: string, attributeText: string, inner?: string) => {
    const attributes = shortcodeAttributes(attributeText)
    const url = (inner ?? '').trim() || attributes.src || attributes.mp4 || attributes.mp3 || attributes.url || ''
    if (!url) return ''
    return `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${escapeAttribute(url)}</div></figure>`
  })
  noteOtherShortcodes(out, notes)
  return out
}

/**
 * Shortcodes from plugins (`[contact-form-7 id="12"]`) stay in the text, where the therapist sees
 * them, and are named in the summary. Bracketed words in prose (`[sic]`) are not shortcodes: a
 * shortcode has attributes, a closing tag, or a plugin-style name.
 */
function noteOtherShortcodes(html: string, notes: string[]) {
  const text = html.replace(/<[^>]*>/g, ' ')
  const seen = new Set<string>()
  for (const match of text.matchAll(/\[([a-z][\w-]*)(\s[^\]]*=[^\]]*)?\]/gi)) {
    const name = match[1].toLowerCase()
    if (HANDLED_SHORTCODES.has(name) || seen.has(name)) continue
    const looksLikeShortcode = Boolean(match[2]) || /[-_]/.test(name) || text.includes(`[/${match[1]}]`)
    if (!looksLikeShortcode) continue
    seen.add(name)
    notes.push(`a [${name}] shortcode (kept as text: what it showed came from a WordPress plugin)`)
  }
}
