import { summaryFromBody } from '../seo/summary'
import type { ArticleInput, Finding } from './types'

/**
 * Without an excerpt, cards, search results and link previews show the opening of the body: said
 * once it is clear what that opening is, with the words, so she can decide whether to write her
 * own. Kept apart from analyzeArticle's checks of the writing itself: it is about a field left
 * empty on purpose, and the panel lists it after them.
 */
export function excerptSuggestion(article: ArticleInput): Finding[] {
  if (typeof article.excerpt === 'string' && article.excerpt.trim() !== '') return []
  const summary = summaryFromBody(article.content)
  if (!summary) return []
  return [
    {
      level: 'info',
      code: 'excerpt-from-body',
      message: 'No excerpt: cards, search results and link previews show the opening of the article.',
      detail: `They will read: “${summary}” Write an excerpt to choose the words yourself.`,
    },
  ]
}
