import { getFeedArticles } from '../../lib/queries/feeds'
import { buildFeed, FEED_CONTENT_TYPES, FEED_ITEM_LIMIT } from '../../lib/seo/feeds'

/** RSS 2.0 with each article's full content. */
// Cached whole and purged by tag, like the pages (app/(frontend)/layout.tsx says why 60 s).
export const revalidate = 60

export async function GET() {
  const feed = buildFeed(await getFeedArticles(FEED_ITEM_LIMIT))
  return new Response(feed.rss2(), { headers: { 'Content-Type': FEED_CONTENT_TYPES.rss } })
}
