import { createElement } from 'react'

import { forFeedReaders } from '@/lib/seo/feedHtml'
import { ArticleBody, type ArticleBodyData } from './ArticleBody'

// Next refuses a static import of react-dom/server in server code, route handlers included, and
// points to Server Components instead; but a feed is XML, not a page Next renders. Imported
// dynamically, Next bundles its Node renderer. ArticleBody and what it renders are plain
// synchronous components without hooks, which is what renderToStaticMarkup needs.
const { renderToStaticMarkup } = await import('react-dom/server')

/** An article's body for a feed entry: the article page's markup, absolute URLs, no site classes. */
export function articleFeedHtml(article: ArticleBodyData, siteUrl: string): string {
  return forFeedReaders(renderToStaticMarkup(createElement(ArticleBody, { article })), siteUrl)
}
