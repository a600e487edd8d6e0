import type { Metadata } from 'next'

import { ArticleList } from '@/components/ArticleCard'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { RedirectOrNotFound } from '@/components/NotFoundPage'
import { RichText } from '@/components/RichText'
import { renderOnFirstRequest } from '@/lib/cache/static-params'
import { parseParams, slugParams } from '@/lib/paths/params'
import { getArticlesByBenefit } from '@/lib/queries/articles'
import { getBenefitBySlug } from '@/lib/queries/benefits'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { benefitPageGraph } from '@/lib/seo/jsonld'
import { benefitMetadata, notFoundMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { getPractice } from '@/lib/queries/practice'

export const generateStaticParams = renderOnFirstRequest

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const benefit = parsed && (await getBenefitBySlug(parsed.slug))
  return benefit ? benefitMetadata(await getPractice(), benefit) : notFoundMetadata
}

export default async function BenefitPage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const benefit = parsed && (await getBenefitBySlug(parsed.slug))
  if (!benefit) return <RedirectOrNotFound path={parsed && routes.benefit(parsed.slug)} />
  const [articles, practice] = await Promise.all([getArticlesByBenefit(benefit.id), getPractice()])
  const trail = breadcrumbTrails.benefit(benefit)
  return (
    <>
      <JsonLd data={benefitPageGraph(practice, benefit, trail)} />
      <Breadcrumbs trail={trail} />
      <article>
        <h1>{benefit.title}</h1>
        <p className="lead">{benefit.summary}</p>
        <RichText data={benefit.description} />
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading">Articles about {benefit.title.toLowerCase()}</h2>
          <ArticleList articles={articles} emptyMessage="No published articles list this benefit yet." />
        </section>
      </article>
    </>
  )
}
