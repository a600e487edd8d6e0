import type { Metadata } from 'next'

import { ArticleList } from '@/components/ArticleCard'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { RedirectOrNotFound } from '@/components/NotFoundPage'
import { renderOnFirstRequest } from '@/lib/cache/static-params'
import { parseParams, slugParams } from '@/lib/paths/params'
import { getArticlesByTopic } from '@/lib/queries/articles'
import { getTopicBySlug } from '@/lib/queries/topics'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { topicPageGraph } from '@/lib/seo/jsonld'
import { notFoundMetadata, topicMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { getPractice } from '@/lib/queries/practice'

export const generateStaticParams = renderOnFirstRequest

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const topic = parsed && (await getTopicBySlug(parsed.slug))
  return topic ? topicMetadata(await getPractice(), topic) : notFoundMetadata
}

export default async function TopicPage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const topic = parsed && (await getTopicBySlug(parsed.slug))
  if (!topic) return <RedirectOrNotFound path={parsed && routes.topic(parsed.slug)} />
  const [articles, practice] = await Promise.all([getArticlesByTopic(topic.id), getPractice()])
  const trail = breadcrumbTrails.topic(topic)
  return (
    <>
      <JsonLd data={topicPageGraph(practice, topic, articles, trail)} />
      <Breadcrumbs trail={trail} />
      <h1>{topic.name}</h1>
      {topic.description ? <p className="lead">{topic.description}</p> : null}
      <ArticleList articles={articles} emptyMessage="No published articles on this topic yet." headingLevel={2} />
    </>
  )
}
