import type { ArticleData } from '../lib/queries/articles'
import { populated, populatedList } from '../lib/populated'
import { AuthorCard } from './AuthorCard'
import { BenefitList } from './BenefitList'
import { Byline } from './Byline'
import { MediaImage } from './MediaImage'
import { ReferenceList } from './ReferenceList'
import { hasBlock, RichText } from './RichText'
import { TopicLinks } from './TopicLinks'

/** A full article: the one `h1`, byline, hero, body with its numbered benefits, sources, author. */
export function ArticleView({ article }: { article: ArticleData }) {
  const author = populated(article.author)
  const hero = populated(article.heroImage)
  const benefits = populatedList(article.benefits)
  const benefitList = <BenefitList benefits={benefits} />
  // The writer places the list with a "Benefit list" block; without one it follows the body.
  const placedInBody = hasBlock(article.content, 'benefitList')

  return (
    <article className="article">
      <header className="article__header">
        <h1>{article.title}</h1>
        <Byline
          author={author}
          publishedAt={article.publishedAt}
          updatedAt={article.updatedAt}
          reviewer={populated(article.reviewedBy)}
          lastReviewedAt={article.lastReviewedAt}
        />
        {hero ? (
          <MediaImage image={hero} size="hero" sizes="(min-width: 48rem) 46rem, 100vw" priority className="article__hero" />
        ) : null}
      </header>
      <RichText data={article.content} blocks={{ benefitList: () => benefitList }} />
      {placedInBody ? null : benefitList}
      <ReferenceList references={article.references} />
      <footer className="article__footer">
        <TopicLinks topics={populatedList(article.topics)} />
        {author ? <AuthorCard author={author} showSignOff /> : null}
      </footer>
    </article>
  )
}
