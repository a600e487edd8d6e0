import { checkHeadings } from './headings'
import { checkHealthClaims } from './healthClaims'
import { checkImageAlt, type MediaAlt } from './images'
import { checkLinks } from './links'
import { checkReadability } from './readability'
import type { ArticleInput, Finding } from './types'

export type { ArticleInput, Finding, FindingCode, FindingLevel } from './types'
export { uploadIdsIn, type MediaAlt } from './images'
export { excerptSuggestion } from './excerpt'

/**
 * Every editorial check on one article, warnings first, each check's findings in document order.
 * `mediaById` holds alt text of body images stored by id, when the caller has looked them up.
 */
export function analyzeArticle(article: ArticleInput, mediaById: Record<string, MediaAlt> = {}): Finding[] {
  const findings = [
    ...checkHeadings(article.content),
    ...checkLinks(article.content),
    ...checkImageAlt(article.content, mediaById),
    ...checkHealthClaims(article),
    ...checkReadability(article.content),
  ]
  return [...findings.filter((f) => f.level === 'warning'), ...findings.filter((f) => f.level === 'info')]
}
