import { allNodes, textOf } from '../richtext/lexical'
import type { Finding } from './types'

const headingLevel = (tag: unknown): number | null => {
  const match = typeof tag === 'string' ? /^h([1-6])$/.exec(tag) : null
  return match ? Number(match[1]) : null
}

const quote = (text: string) => `“${text.trim() || '(empty heading)'}”`

/**
 * Headings form the page's outline for screen readers and search engines. The article title is
 * the page's only h1, so the body starts at h2 and each heading goes at most one level deeper
 * than the one before it (going back up any number of levels is fine).
 */
export function checkHeadings(content: unknown): Finding[] {
  const findings: Finding[] = []
  const skips: string[] = []
  const h1s: string[] = []
  let previous = 1 // the title

  for (const node of allNodes(content)) {
    if (node.type !== 'heading') continue
    const level = headingLevel(node.tag)
    if (level === null) continue
    if (level === 1) h1s.push(quote(textOf(node)))
    else if (level > previous + 1) skips.push(`h${previous} → h${level} at ${quote(textOf(node))}`)
    previous = level
  }

  if (h1s.length > 0) {
    findings.push({
      level: 'warning',
      code: 'heading-h1',
      message: 'The body has a top-level (h1) heading.',
      detail: 'The article title is already the page’s main heading. Use Heading 2 for sections.',
      items: h1s,
    })
  }
  if (skips.length > 0) {
    findings.push({
      level: 'warning',
      code: 'heading-skip',
      message: skips.length === 1 ? 'A heading skips a level.' : `${skips.length} headings skip a level.`,
      detail:
        'Sections start at Heading 2 (the title is the page’s Heading 1); go one level deeper at a time, e.g. Heading 2 → Heading 3.',
      items: skips,
    })
  }
  return findings
}
