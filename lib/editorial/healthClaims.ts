import { visibleText } from '../richtext/lexical'
import type { ArticleInput, Finding } from './types'

/**
 * Words that promise a health outcome. A claim like "massage cures insomnia" needs a source
 * behind it (and regulators dislike unsupported ones), so without references they are flagged.
 * Only verb forms: "treatment" or "prevention" name things rather than promise results.
 */
const CLAIM_WORDS = [
  'cure', 'cures', 'cured', 'curing',
  'treat', 'treats', 'treated', 'treating',
  'prevent', 'prevents', 'prevented', 'preventing',
  'guarantee', 'guarantees', 'guaranteed', 'guaranteeing',
]

const CLAIM_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(${CLAIM_WORDS.join('|')})(?![\\p{L}\\p{N}])`, 'giu')

/** Claim words in the text, lower-cased, each once, in order of first appearance. */
export function findClaimWords(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(CLAIM_PATTERN)) found.add(match[1].toLowerCase())
  return [...found]
}

/** The admin form keeps an array field's row count; a saved document has the rows themselves. */
export function referenceCount(references: unknown): number {
  if (Array.isArray(references)) return references.length
  if (typeof references === 'number' && Number.isFinite(references)) return references
  return 0
}

const asText = (value: unknown) => (typeof value === 'string' ? value : '')

/** Health-claim words in the title, excerpt or body of an article that lists no references. */
export function checkHealthClaims(article: ArticleInput): Finding[] {
  if (referenceCount(article.references) > 0) return []
  const words = findClaimWords([asText(article.title), asText(article.excerpt), visibleText(article.content)].join('\n'))
  if (words.length === 0) return []
  return [
    {
      level: 'warning',
      code: 'health-claim-unreferenced',
      message: `Health-claim words without a reference: ${words.map((word) => `“${word}”`).join(', ')}.`,
      detail:
        'Add the study or source under References, or soften the wording (e.g. “may help with” instead of “cures”).',
      items: words,
    },
  ]
}
