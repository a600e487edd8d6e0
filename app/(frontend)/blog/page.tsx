import { ArticleList } from '../../../components/ArticleCard'
import { Pagination } from '../../../components/Pagination'
import { getArticlesPage } from '../../../lib/queries/articles'
import { pageMetadata } from '../../../lib/seo/metadata'
import { routes, site } from '../../../lib/site'

export const metadata = pageMetadata({
  title: 'Articles',
  description: `Articles on massage therapy, its benefits and everyday well-being from ${site.name}.`,
  path: routes.blog(),
})

export default async function BlogPage() {
  const result = await getArticlesPage(1)
  return (
    <>
      <h1>Articles</h1>
      <ArticleList articles={result?.docs ?? []} emptyMessage="No articles have been published yet." />
      <Pagination page={1} totalPages={result?.totalPages ?? 1} />
    </>
  )
}
