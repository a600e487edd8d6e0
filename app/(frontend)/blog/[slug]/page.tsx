import type { Metadata } from 'next'

import { ArticleView } from '../../../../components/ArticleView'
import { parseParams, slugParams } from '../../../../lib/params'
import { getArticleBySlug } from '../../../../lib/queries/articles'
import { pageMetadata } from '../../../../lib/seo/metadata'
import { redirectOrNotFound } from '../../../../lib/redirects'
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
  if (!article) return redirectOrNotFound(parsed && routes.article(parsed.slug))
  return <ArticleView article={article} />
}
