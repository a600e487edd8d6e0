import Link from 'next/link'

import type { ArticleCardData } from '../lib/queries/articles'
import { populated } from '../lib/populated'
import { routes } from '../lib/site'
import { FormattedDate } from './FormattedDate'
import { MediaImage } from './MediaImage'

export function ArticleCard({ article }: { article: ArticleCardData }) {
  const author = populated(article.author)
  const image = populated(article.heroImage)
  return (
    <article className="card">
      {image ? <MediaImage image={image} size="card" sizes="(min-width: 48rem) 22rem, 100vw" className="card__image" /> : null}
      <h3 className="card__title">
        <Link href={routes.article(article.slug)}>{article.title}</Link>
      </h3>
      <p className="card__meta">
        {author ? <span>{author.name}</span> : null}
        {author && article.publishedAt ? ' · ' : null}
        {article.publishedAt ? <FormattedDate value={article.publishedAt} /> : null}
      </p>
      <p className="card__excerpt">{article.excerpt}</p>
    </article>
  )
}

export function ArticleList({ articles, emptyMessage }: { articles: ArticleCardData[]; emptyMessage: string }) {
  if (articles.length === 0) return <p className="muted">{emptyMessage}</p>
  return (
    <ul className="card-grid">
      {articles.map((article) => (
        <li key={article.id}>
          <ArticleCard article={article} />
        </li>
      ))}
    </ul>
  )
}
