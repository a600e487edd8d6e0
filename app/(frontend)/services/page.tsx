import { BookButton } from '@/components/BookButton'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { ServiceList } from '@/components/ServiceList'
import { getPractice } from '@/lib/queries/practice'
import { getServices } from '@/lib/queries/services'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { SERVICES_TITLE, servicesIndexGraph, servicesIndexMetadata } from '@/lib/seo/servicePages'

export const generateMetadata = async () => servicesIndexMetadata(await getPractice())

export default async function ServicesPage() {
  const [services, practice] = await Promise.all([getServices(), getPractice()])
  const trail = breadcrumbTrails.services()
  return (
    <>
      <JsonLd data={servicesIndexGraph(practice, services, trail)} />
      <Breadcrumbs trail={trail} />
      <h1>{SERVICES_TITLE}</h1>
      {services.length > 0 ? (
        <ServiceList services={services} headingLevel={2} />
      ) : (
        <p className="muted">The list of services is on its way: ask about a session in the meantime.</p>
      )}
      <p>
        <BookButton practice={practice} />
      </p>
    </>
  )
}
