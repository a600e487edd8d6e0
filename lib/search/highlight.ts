/** Text split into plain and matching pieces: rendered as React nodes, never as HTML strings. */
export type HighlightSegment = { text: string; match: boolean }

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One case-insensitive pattern matching any of the terms literally, longest first. */
function termsPattern(terms: string[]): RegExp | null {
  const literal = [...terms].filter(Boolean).sort((a, b) => b.length - a.length).map(escapeRegExp)
  return literal.length ? new RegExp(literal.join('|'), 'giu') : null
}

export function containsTerm(text: string | null | undefined, term: string): boolean {
  return Boolean(text) && (termsPattern([term]) as RegExp).test(text as string)
}

/** How many of the terms occur in the text (each counted once). */
export function countMatchingTerms(text: string | null | undefined, terms: string[]): number {
  return terms.filter((term) => containsTerm(text, term)).length
}

export function highlight(text: string, terms: string[]): HighlightSegment[] {
  const pattern = termsPattern(terms)
  if (!pattern || !text) return text ? [{ text, match: false }] : []
  const segments: HighlightSegment[] = []
  let cursor = 0
  for (const found of text.matchAll(pattern)) {
    const start = found.index
    if (start > cursor) segments.push({ text: text.slice(cursor, start), match: false })
    segments.push({ text: found[0], match: true })
    cursor = start + found[0].length
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false })
  return segments
}

/**
 * A short passage of `text` around the first match of any term, cut at word boundaries, with
 * ellipses where it was cut. `null` when no term occurs in the text.
 */
export function snippetAround(text: string | null | undefined, terms: string[], length = 200): string | null {
  const pattern = termsPattern(terms)
  if (!pattern || !text) return null
  const clean = text.replace(/\s+/g, ' ').trim()
  const first = pattern.exec(clean)
  if (!first) return null
  // Some context before the match, most of the room after it.
  let start = Math.max(0, first.index - Math.floor(length / 4))
  let end = Math.min(clean.length, start + length)
  start = Math.max(0, end - length)
  if (start > 0) {
    const space = clean.indexOf(' ', start)
    start = space === -1 || space >= first.index ? start : space + 1
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end)
    end = space > first.index + first[0].length ? space : end
  }
  return `${start > 0 ? '…' : ''}${clean.slice(start, end).trim()}${end < clean.length ? '…' : ''}`
}
