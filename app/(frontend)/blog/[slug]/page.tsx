import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleView } from '../../../../components/ArticleView'
import { parseParams, slugParams } from '../../../../lib/params'
import { getArticleBySlug } from '../../../../lib/queries/articles'
import { pageMetadata } from '../../../../lib/seo/metadata'
import { routes } from '../../../../lib/site'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const article = parsed && (await getArticleBySlug(parsed.slug))
  if (!article) return {}
  return pageMetadata({
    title: article.title,
    description: article.excerpt,
    path: routes.article(article.slug),
    type: 'article',
  })
}

export default async function ArticlePage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const article = parsed && (await getArticleBySlug(parsed.slug))
  if (!article) notFound()
  return <ArticleView article={article} />
}
