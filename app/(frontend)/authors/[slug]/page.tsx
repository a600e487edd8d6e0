import type { Metadata } from 'next'

import { ArticleList } from '@/components/ArticleCard'
import { AuthorProfile } from '@/components/AuthorProfile'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { RedirectOrNotFound } from '@/components/NotFoundPage'
import { renderOnFirstRequest } from '@/lib/cache/static-params'
import { parseParams, slugParams } from '@/lib/paths/params'
import { getArticlesByAuthor } from '@/lib/queries/articles'
import { getAuthorBySlug } from '@/lib/queries/authors'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { profilePageGraph } from '@/lib/seo/jsonld'
import { authorMetadata, notFoundMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { getPractice } from '@/lib/queries/practice'

export const generateStaticParams = renderOnFirstRequest

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const author = parsed && (await getAuthorBySlug(parsed.slug))
  return author ? authorMetadata(await getPractice(), author) : notFoundMetadata
}

export default async function AuthorPage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const author = parsed && (await getAuthorBySlug(parsed.slug))
  if (!author) return <RedirectOrNotFound path={parsed && routes.author(parsed.slug)} />
  const [articles, practice] = await Promise.all([getArticlesByAuthor(author.id), getPractice()])
  const trail = breadcrumbTrails.author(author)
  return (
    <>
      <JsonLd data={profilePageGraph(practice, author, trail)} />
      <Breadcrumbs trail={trail} />
      <AuthorProfile author={author} />
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles by {author.name}</h2>
        <ArticleList articles={articles} emptyMessage={`${author.name} has not published an article yet.`} />
      </section>
    </>
  )
}
