import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import { ArticleList } from '../../../../../components/ArticleCard'
import { Pagination } from '../../../../../components/Pagination'
import { pageParams, parseParams } from '../../../../../lib/params'
import { getArticlesPage } from '../../../../../lib/queries/articles'
import { pageMetadata } from '../../../../../lib/seo/metadata'
import { routes, site } from '../../../../../lib/site'

type Props = { params: Promise<{ page: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(pageParams, params)
  if (!parsed) return {}
  return pageMetadata({
    title: `Articles, page ${parsed.page}`,
    description: `Page ${parsed.page} of the articles on massage therapy and well-being from ${site.name}.`,
    path: routes.blog(parsed.page),
  })
}

export default async function BlogPageN({ params }: Props) {
  const parsed = await parseParams(pageParams, params)
  if (!parsed) notFound()
  // Page 1 has one address: /blog.
  if (parsed.page === 1) permanentRedirect(routes.blog())
  const result = await getArticlesPage(parsed.page)
  if (!result) notFound()
  return (
    <>
      <h1>Articles, page {parsed.page}</h1>
      <ArticleList articles={result.docs} emptyMessage="No articles on this page." />
      <Pagination page={parsed.page} totalPages={result.totalPages} />
    </>
  )
}
