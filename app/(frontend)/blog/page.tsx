import { ArticleList } from '@/components/ArticleCard'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { BlogPagination } from '@/components/Pagination'
import { getArticlesPage } from '@/lib/queries/articles'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { blogPageGraph } from '@/lib/seo/jsonld'
import { blogMetadata, blogTitle } from '@/lib/seo/metadata'
import { getPractice } from '@/lib/queries/practice'

export const generateMetadata = async () => blogMetadata(await getPractice(), 1)

export default async function BlogPage() {
  const [result, practice] = await Promise.all([getArticlesPage(1), getPractice()])
  const articles = result?.docs ?? []
  const trail = breadcrumbTrails.blog(1)
  return (
    <>
      <JsonLd data={blogPageGraph(practice, 1, articles, trail)} />
      <Breadcrumbs trail={trail} />
      <h1>{blogTitle(1)}</h1>
      <ArticleList articles={articles} emptyMessage="No articles have been published yet." headingLevel={2} />
      <BlogPagination page={1} totalPages={result?.totalPages ?? 1} />
    </>
  )
}
