import type { ArticleCardData } from '@/lib/queries/articles'
import { populated } from '@/lib/queries/populated'
import { storedSummary } from '@/lib/seo/summary'
import { routes } from '@/lib/paths/routes'
import { FormattedDate } from './FormattedDate'
import { MediaImage } from './MediaImage'
import styles from './ArticleCard.module.css'

/**
 * Card titles sit one level below the heading the list belongs to: h2 straight under a page's h1
 * (the blog, a topic), h3 under an h2 section. Skipping a level is an HTML outline error.
 */
type HeadingLevel = 2 | 3

export function ArticleCard({ article, headingLevel = 3 }: { article: ArticleCardData; headingLevel?: HeadingLevel }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const author = populated(article.author)
  const image = populated(article.heroImage)
  return (
    <article className={`card ${styles.card}`}>
      {image ? <MediaImage image={image} size="card" sizes="(min-width: 48rem) 22rem, 100vw" className={styles.image} /> : null}
      <Heading className={`card__title ${styles.title}`}>
        <a href={routes.article(article.slug)}>{article.title}</a>
      </Heading>
      <p className={`card__meta ${styles.meta}`}>
        {author ? <span>{author.name}</span> : null}
        {author && article.publishedAt ? ' · ' : null}
        {article.publishedAt ? <FormattedDate value={article.publishedAt} /> : null}
      </p>
      <p className={`card__excerpt ${styles.excerpt}`}>{storedSummary(article)}</p>
    </article>
  )
}

export function ArticleList({
  articles,
  emptyMessage,
  headingLevel,
}: {
  articles: ArticleCardData[]
  emptyMessage: string
  headingLevel?: HeadingLevel
}) {
  if (articles.length === 0) return <p className="muted">{emptyMessage}</p>
  return (
    <ul className={styles.grid}>
      {articles.map((article) => (
        <li key={article.id}>
          <ArticleCard article={article} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  )
}
