import type { Metadata } from 'next'
import { draftMode } from 'next/headers'

import { ArticleView } from '@/components/ArticleView'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { RedirectOrNotFound } from '@/components/NotFoundPage'
import { renderOnFirstRequest } from '@/lib/cache/static-params'
import { parseParams, slugParams } from '@/lib/paths/params'
import { getArticleBySlug } from '@/lib/queries/articles'
import { getPreviewer } from '@/lib/queries/preview'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { articlePageGraph } from '@/lib/seo/jsonld'
import { articleMetadata, noindexRobots, notFoundMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { getPractice } from '@/lib/queries/practice'

export const generateStaticParams = renderOnFirstRequest

type Props = { params: Promise<{ slug: string }> }

/** In draft mode, a logged-in writer sees the latest draft; everyone else the published article. */
async function findArticle(slug: string) {
  return getArticleBySlug(slug, { draftFor: await getPreviewer() })
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const article = parsed && (await findArticle(parsed.slug))
  if (!article) return notFoundMetadata
  const metadata = articleMetadata(await getPractice(), article)
  // A draft preview is private: keep it out of search indexes even if its URL leaks.
  return (await draftMode()).isEnabled ? { ...metadata, robots: noindexRobots } : metadata
}

export default async function ArticlePage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const article = parsed && (await findArticle(parsed.slug))
  if (!article) return <RedirectOrNotFound path={parsed && routes.article(parsed.slug)} />
  const trail = breadcrumbTrails.article(article)
  const practice = await getPractice()
  return (
    <>
      <JsonLd data={articlePageGraph(practice, article, trail)} />
      <Breadcrumbs trail={trail} />
      <ArticleView article={article} />
    </>
  )
}
