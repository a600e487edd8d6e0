import type { ArticleData } from '@/lib/queries/articles'
import { populated, populatedList } from '@/lib/queries/populated'
import { routes } from '@/lib/paths/routes'
import { tableOfContents } from '@/lib/richtext/headings'
import { readingMinutes, readingTimeLabel } from '@/lib/richtext/readingTime'
import { ArticleBody, reservedHeadingIds } from './ArticleBody'
import { AuthorCard } from './AuthorCard'
import { PracticeBookButton } from './BookButton'
import { Byline } from './Byline'
import { ContactForm } from './ContactForm'
import { MediaImage } from './MediaImage'
import { TableOfContents } from './TableOfContents'
import { TopicLinks } from './TopicLinks'
import styles from './ArticleView.module.css'

/** A full article: the one `h1`, byline, hero, body with its numbered benefits, sources, author. */
export function ArticleView({ article }: { article: ArticleData }) {
  const author = populated(article.author)
  const hero = populated(article.heroImage)
  const benefits = populatedList(article.benefits)
  const readingTime = readingTimeLabel(
    readingMinutes(article.content, benefits.map((benefit) => `${benefit.title} ${benefit.summary}`).join('\n')),
  )

  return (
    <article className={styles.article}>
      <header className={`article__header ${styles.header}`}>
        <h1>{article.title}</h1>
        <Byline
          author={author}
          publishedAt={article.publishedAt}
          updatedAt={article.updatedAt}
          reviewer={populated(article.reviewedBy)}
          lastReviewedAt={article.lastReviewedAt}
        />
        {readingTime ? <p className={`reading-time ${styles.readingTime}`}>{readingTime}</p> : null}
        {hero ? (
          <MediaImage image={hero} size="hero" sizes="(min-width: 48rem) 46rem, 100vw" priority className={styles.hero} />
        ) : null}
      </header>
      <TableOfContents entries={tableOfContents(article.content, reservedHeadingIds(article))} />
      <ArticleBody article={article} />
      <footer className={styles.footer}>
        <TopicLinks topics={populatedList(article.topics)} />
        {author ? <AuthorCard author={author} showSignOff /> : null}
        <p className="article__book">
          <PracticeBookButton />
        </p>
        <section className={styles.inquiry} aria-labelledby="article-inquiry-title">
          <h2 id="article-inquiry-title">Questions about this article? Write to us</h2>
          <ContactForm sourcePath={routes.article(article.slug)} idPrefix="article-inquiry" short />
        </section>
      </footer>
    </article>
  )
}
