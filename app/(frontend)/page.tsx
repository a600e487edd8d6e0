import { ArticleList } from '@/components/ArticleCard'
import { BookingLink } from '@/components/AuthorCard'
import { RichText } from '@/components/RichText'
import { getLatestArticles } from '@/lib/queries/articles'
import { getFeaturedAuthor } from '@/lib/queries/authors'
import { getBenefits } from '@/lib/queries/benefits'
import { JsonLd } from '@/components/JsonLd'
import { homePageGraph } from '@/lib/seo/jsonld'
import { homeMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { site } from '@/lib/config/site'
import styles from './page.module.css'

export const metadata = homeMetadata()

export default async function HomePage() {
  const [articles, benefits, author] = await Promise.all([getLatestArticles(6), getBenefits(), getFeaturedAuthor()])
  return (
    <>
      <JsonLd data={homePageGraph()} />
      <section className={styles.hero}>
        <h1>{site.name}</h1>
        <p className="lead">{site.tagline}</p>
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">Latest articles</h2>
        <ArticleList articles={articles} emptyMessage="The first article is on its way." />
        <p>
          <a href={routes.blog()}>All articles →</a>
        </p>
      </section>
      {benefits.length > 0 ? (
        <section aria-labelledby="benefits-heading">
          <h2 id="benefits-heading">How massage helps</h2>
          <ol className={styles.benefitSummary}>
            {benefits.map((benefit) => (
              <li key={benefit.id}>
                <a href={routes.benefit(benefit.slug)}>{benefit.title}</a>
                <span className="muted"> — {benefit.summary}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {author ? (
        <section className={`author-intro ${styles.authorIntro}`} aria-labelledby="author-heading">
          <h2 id="author-heading">
            Meet {author.name}
            {author.credentials ? `, ${author.credentials}` : ''}
          </h2>
          <RichText data={author.bio} />
          <p>Ready to feel better in your body? {author.name} would love to hear from you.</p>
          <BookingLink author={author} />
        </section>
      ) : null}
    </>
  )
}
