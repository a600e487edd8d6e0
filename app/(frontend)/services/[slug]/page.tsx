import type { Metadata } from 'next'

import { BookButton } from '@/components/BookButton'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { RedirectOrNotFound } from '@/components/NotFoundPage'
import { RichText } from '@/components/RichText'
import { ServiceFacts } from '@/components/ServiceFacts'
import { renderOnFirstRequest } from '@/lib/cache/static-params'
import { parseParams, slugParams } from '@/lib/paths/params'
import { getPractice } from '@/lib/queries/practice'
import { getServiceBySlug } from '@/lib/queries/services'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { serviceMetadata, servicePageGraph } from '@/lib/seo/servicePages'
import { notFoundMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'

export const generateStaticParams = renderOnFirstRequest

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parseParams(slugParams, params)
  const service = parsed && (await getServiceBySlug(parsed.slug))
  return service ? serviceMetadata(await getPractice(), service) : notFoundMetadata
}

export default async function ServicePage({ params }: Props) {
  const parsed = await parseParams(slugParams, params)
  const service = parsed && (await getServiceBySlug(parsed.slug))
  if (!service) return <RedirectOrNotFound path={parsed && routes.service(parsed.slug)} />
  const practice = await getPractice()
  const trail = breadcrumbTrails.service(service)
  return (
    <>
      <JsonLd data={servicePageGraph(practice, service, trail)} />
      <Breadcrumbs trail={trail} />
      <article>
        <h1>{service.title}</h1>
        <p className="lead">{service.summary}</p>
        <ServiceFacts service={service} />
        <RichText data={service.description} />
        <p>
          <BookButton practice={practice} bookingUrl={service.bookingUrl} />
        </p>
      </article>
    </>
  )
}
