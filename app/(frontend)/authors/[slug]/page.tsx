import type { Metadata } from 'next'

import { ArticleList } from '../../../../components/ArticleCard'
import { AuthorProfile } from '../../../../components/AuthorProfile'
import { parseParams, slugParams } from '../../../../lib/params'
import { getArticlesByAuthor } from '../../../../lib/queries/articles'
import { getAuthorBySlug } from '../../../../lib/queries/authors'
import { pageMetadata } from '../../../../lib/seo/metadata'
import { redirectOrNotFound } from '../../../../lib/redirects'
import { routes } from '../../../../lib/site'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const author = parsed && (await getAuthorBySlug(parsed.slug))
  if (!author) return {}
  const role = [author.jobTitle, author.credentials].filter(Boolean).join(', ')
  return pageMetadata({
    title: author.name,
    description: `${author.name}${role ? `, ${role}` : ''}: profile and articles on massage therapy and well-being.`,
    path: routes.author(author.slug),
    type: 'profile',
  })
}

export default async function AuthorPage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const author = parsed && (await getAuthorBySlug(parsed.slug))
  if (!author) return redirectOrNotFound(parsed && routes.author(parsed.slug))
  const articles = await getArticlesByAuthor(author.id)
  return (
    <>
      <AuthorProfile author={author} />
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles by {author.name}</h2>
        <ArticleList articles={articles} emptyMessage={`${author.name} has not published an article yet.`} />
      </section>
    </>
  )
}
