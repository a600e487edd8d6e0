import type { LexicalNode } from '../richtext/lexical'
import { allNodes, textOf } from '../richtext/lexical'
import type { Finding } from './types'

/** Link text that says nothing about where it goes, compared after lower-casing and trimming. */
const VAGUE_LINK_TEXT = new Set([
  'click here',
  'click',
  'here',
  'read more',
  'more',
  'learn more',
  'this link',
  'link',
  'this',
  'this page',
  'go',
])

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** Whether the link points somewhere: a web address, or a chosen article/benefit for internal links. */
function hasDestination(link: LexicalNode): boolean {
  const fields = (link.fields ?? {}) as { linkType?: unknown; url?: unknown; doc?: { value?: unknown } | null }
  if (fields.linkType === 'internal') {
    const value = fields.doc?.value
    return value !== undefined && value !== null && value !== ''
  }
  const url = typeof fields.url === 'string' ? fields.url : typeof link.url === 'string' ? link.url : ''
  return url.trim() !== '' && url.trim() !== 'https://'
}

/** Links people (and screen readers listing a page's links) can follow and understand. */
export function checkLinks(content: unknown): Finding[] {
  const noText: string[] = []
  const noDestination: string[] = []
  const vague: string[] = []

  for (const node of allNodes(content)) {
    if (node.type !== 'link' && node.type !== 'autolink') continue
    const text = textOf(node).trim()
    if (!text) noText.push('(a link with no words)')
    else if (VAGUE_LINK_TEXT.has(normalise(text))) vague.push(`“${text}”`)
    if (!hasDestination(node)) noDestination.push(text ? `“${text}”` : '(a link with no words)')
  }

  const findings: Finding[] = []
  if (noText.length > 0) {
    findings.push({
      level: 'warning',
      code: 'link-empty-text',
      message: noText.length === 1 ? 'A link has no text.' : `${noText.length} links have no text.`,
      detail: 'Readers cannot see or click a link without words. Remove it or give it text.',
      items: noText,
    })
  }
  if (noDestination.length > 0) {
    findings.push({
      level: 'warning',
      code: 'link-no-destination',
      message: noDestination.length === 1 ? 'A link goes nowhere.' : `${noDestination.length} links go nowhere.`,
      detail: 'Add a web address, or choose the article or benefit it should open.',
      items: noDestination,
    })
  }
  if (vague.length > 0) {
    findings.push({
      level: 'warning',
      code: 'link-vague-text',
      message: vague.length === 1 ? 'A link says “click here” or similar.' : `${vague.length} links say “click here” or similar.`,
      detail:
        'Use words that say where the link goes, e.g. “how massage lowers stress”. It helps screen-reader users and search engines.',
      items: vague,
    })
  }
  return findings
}
