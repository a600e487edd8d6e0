import type { Metadata } from 'next'
import { permanentRedirect } from 'next/navigation'

import { ArticleList } from '@/components/ArticleCard'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { NotFoundPage } from '@/components/NotFoundPage'
import { BlogPagination } from '@/components/Pagination'
import { renderOnFirstRequest } from '@/lib/cache/static-params'
import { pageParams, parseParams } from '@/lib/paths/params'
import { getArticlesPage } from '@/lib/queries/articles'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { blogPageGraph } from '@/lib/seo/jsonld'
import { blogMetadata, blogTitle, notFoundMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { getPractice } from '@/lib/queries/practice'

export const generateStaticParams = renderOnFirstRequest

type Props = { params: Promise<{ page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(pageParams, params)
  // Page 1's canonical address is /blog (blogMetadata builds it from routes.blog).
  return parsed && (await getArticlesPage(parsed.page)) ? blogMetadata(await getPractice(), parsed.page) : notFoundMetadata
}

export default async function BlogPageN({ params }: Props) {
  const parsed = await parseParams(pageParams, params)
  if (!parsed) return <NotFoundPage />
  // Page 1 has one address: /blog.
  if (parsed.page === 1) permanentRedirect(routes.blog())
  const [result, practice] = await Promise.all([getArticlesPage(parsed.page), getPractice()])
  if (!result) return <NotFoundPage />
  const trail = breadcrumbTrails.blog(parsed.page)
  return (
    <>
      <JsonLd data={blogPageGraph(practice, parsed.page, result.docs, trail)} />
      <Breadcrumbs trail={trail} />
      <h1>{blogTitle(parsed.page)}</h1>
      <ArticleList articles={result.docs} emptyMessage="No articles on this page." headingLevel={2} />
      <BlogPagination page={parsed.page} totalPages={result.totalPages} />
    </>
  )
}
