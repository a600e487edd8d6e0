import type { Metadata } from 'next'

import { ArticleList } from '../../../../components/ArticleCard'
import { parseParams, slugParams } from '../../../../lib/params'
import { getArticlesByTopic } from '../../../../lib/queries/articles'
import { getTopicBySlug } from '../../../../lib/queries/topics'
import { pageMetadata } from '../../../../lib/seo/metadata'
import { redirectOrNotFound } from '../../../../lib/redirects'
import { routes } from '../../../../lib/site'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const topic = parsed && (await getTopicBySlug(parsed.slug))
  if (!topic) return {}
  return pageMetadata({
    title: topic.name,
    description: topic.description || `Articles about ${topic.name.toLowerCase()} and massage therapy.`,
    path: routes.topic(topic.slug),
  })
}

export default async function TopicPage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const topic = parsed && (await getTopicBySlug(parsed.slug))
  if (!topic) return redirectOrNotFound(parsed && routes.topic(parsed.slug))
  const articles = await getArticlesByTopic(topic.id)
  return (
    <>
      <h1>{topic.name}</h1>
      {topic.description ? <p className="lead">{topic.description}</p> : null}
      <ArticleList articles={articles} emptyMessage="No published articles on this topic yet." />
    </>
  )
}
