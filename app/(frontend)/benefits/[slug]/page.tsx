import type { Metadata } from 'next'

import { ArticleList } from '../../../../components/ArticleCard'
import { RichText } from '../../../../components/RichText'
import { parseParams, slugParams } from '../../../../lib/params'
import { getArticlesByBenefit } from '../../../../lib/queries/articles'
import { getBenefitBySlug } from '../../../../lib/queries/benefits'
import { pageMetadata } from '../../../../lib/seo/metadata'
import { redirectOrNotFound } from '../../../../lib/redirects'
import { routes } from '../../../../lib/site'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const benefit = parsed && (await getBenefitBySlug(parsed.slug))
  if (!benefit) return {}
  return pageMetadata({ title: benefit.title, description: benefit.summary, path: routes.benefit(benefit.slug) })
}

export default async function BenefitPage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const benefit = parsed && (await getBenefitBySlug(parsed.slug))
  if (!benefit) return redirectOrNotFound(parsed && routes.benefit(parsed.slug))
  const articles = await getArticlesByBenefit(benefit.id)
  return (
    <article>
      <h1>{benefit.title}</h1>
      <p className="lead">{benefit.summary}</p>
      <RichText data={benefit.description} />
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles about {benefit.title.toLowerCase()}</h2>
        <ArticleList articles={articles} emptyMessage="No published articles list this benefit yet." />
      </section>
    </article>
  )
}
