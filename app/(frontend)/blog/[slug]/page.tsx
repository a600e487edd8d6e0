import type { Metadata } from 'next'

import { ArticleView } from '../../../../components/ArticleView'
import { Breadcrumbs } from '../../../../components/Breadcrumbs'
import { JsonLd } from '../../../../components/JsonLd'
import { parseParams, slugParams } from '../../../../lib/params'
import { getArticleBySlug } from '../../../../lib/queries/articles'
import { redirectOrNotFound } from '../../../../lib/redirects'
import { breadcrumbTrails } from '../../../../lib/seo/breadcrumbs'
import { articlePageGraph } from '../../../../lib/seo/jsonld'
import { articleMetadata } from '../../../../lib/seo/metadata'
import { routes } from '../../../../lib/site'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const article = parsed && (await getArticleBySlug(parsed.slug))
  return article ? articleMetadata(article) : {}
}

export default async function ArticlePage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const article = parsed && (await getArticleBySlug(parsed.slug))
  if (!article) return redirectOrNotFound(parsed && routes.article(parsed.slug))
  const trail = breadcrumbTrails.article(article)
  return (
    <>
      <JsonLd data={articlePageGraph(article, trail)} />
      <Breadcrumbs trail={trail} />
      <ArticleView article={article} />
    </>
  )
}
