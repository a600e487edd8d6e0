import { BenefitList } from '@/components/BenefitList'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { getBenefits } from '@/lib/queries/benefits'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { benefitsIndexGraph } from '@/lib/seo/jsonld'
import { BENEFITS_TITLE, benefitsIndexMetadata } from '@/lib/seo/metadata'
import { getPractice } from '@/lib/queries/practice'

export const generateMetadata = async () => benefitsIndexMetadata(await getPractice())

export default async function BenefitsPage() {
  const [benefits, practice] = await Promise.all([getBenefits(), getPractice()])
  const trail = breadcrumbTrails.benefits()
  return (
    <>
      <JsonLd data={benefitsIndexGraph(practice, benefits, trail)} />
      <Breadcrumbs trail={trail} />
      <h1>{BENEFITS_TITLE}</h1>
      {benefits.length > 0 ? (
        <BenefitList benefits={benefits} headingLevel={2} />
      ) : (
        <p className="muted">No benefits have been described yet.</p>
      )}
    </>
  )
}
