import { articleFeedHtml } from '@/components/articleFeedHtml'
import { getFeedArticles } from '@/lib/queries/feeds'
import { FEED_CONTENT_TYPES, FEED_ITEM_LIMIT, feedDocument } from '@/lib/seo/feeds'
import { getPractice } from '@/lib/queries/practice'

/** JSON Feed 1.1 with each article's full content. */
// Cached whole and purged by tag, like the pages (app/(frontend)/layout.tsx says why 60 s).
export const revalidate = 60

export async function GET() {
  const [practice, articles] = await Promise.all([getPractice(), getFeedArticles(FEED_ITEM_LIMIT)])
  const body = feedDocument.json(practice, articles, { articleHtml: articleFeedHtml })
  return new Response(body, { headers: { 'Content-Type': FEED_CONTENT_TYPES.json } })
}
