import { ArticleList } from '@/components/ArticleCard'
import { RichText } from '@/components/RichText'
import { getLatestArticles } from '@/lib/queries/articles'
import { getFeaturedAuthor } from '@/lib/queries/authors'
import { getBenefits } from '@/lib/queries/benefits'
import { JsonLd } from '@/components/JsonLd'
import { homePageGraph } from '@/lib/seo/jsonld'
import { homeMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import styles from './page.module.css'
import { BookButton } from '@/components/BookButton'
import { MediaImage } from '@/components/MediaImage'
import { ServiceList } from '@/components/ServiceList'
import { populated } from '@/lib/queries/populated'
import { getPractice } from '@/lib/queries/practice'
import { getServices } from '@/lib/queries/services'

export const generateMetadata = async () => homeMetadata(await getPractice())

/** The front door: her practice, what she offers and for how much, her latest writing, and her. */
export default async function HomePage() {
  const [practice, services, articles, benefits, author] = await Promise.all([
    getPractice(),
    getServices(),
    getLatestArticles(6),
    getBenefits(),
    getFeaturedAuthor(),
  ])
  const photo = populated(author?.photo)
  return (
    <>
      <JsonLd data={homePageGraph(practice, services)} />
      <section className={`hero ${styles.hero}`}>
        {practice.heroImage ? (
          <MediaImage image={practice.heroImage} size="hero" sizes="(min-width: 60rem) 60rem, 100vw" priority className="hero__image" />
        ) : null}
        <h1>{practice.name}</h1>
        {practice.tagline ? <p className="lead">{practice.tagline}</p> : null}
        <BookButton practice={practice} />
      </section>
      {services.length > 0 ? (
        <section aria-labelledby="services-heading">
          <h2 id="services-heading">Services and prices</h2>
          <ServiceList services={services} />
          <p>
            <a href={routes.services()}>All services →</a>
          </p>
        </section>
      ) : null}
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
          {photo ? <MediaImage image={photo} size="thumbnail" sizes="96px" className="author-intro__photo" /> : null}
          <h2 id="author-heading">
            Meet {author.name}
            {author.credentials ? `, ${author.credentials}` : ''}
          </h2>
          <RichText data={author.bio} />
          <p>
            Ready to feel better in your body? {author.name} would love to hear from you.{' '}
            <a href={routes.author(author.slug)}>More about {author.name}</a>
          </p>
          <BookButton practice={practice} />
        </section>
      ) : null}
    </>
  )
}
