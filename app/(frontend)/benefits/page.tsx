import { BenefitList } from '../../../components/BenefitList'
import { getBenefits } from '../../../lib/queries/benefits'
import { pageMetadata } from '../../../lib/seo/metadata'
import { routes } from '../../../lib/site'

export const metadata = pageMetadata({
  title: 'Benefits of massage therapy',
  description:
    'How massage therapy helps the body: better circulation, less stress, lymphatic flow and a stronger immune system, each explained.',
  path: routes.benefits(),
})

export default async function BenefitsPage() {
  const benefits = await getBenefits()
  return (
    <>
      <h1>Benefits of massage therapy</h1>
      {benefits.length > 0 ? (
        <BenefitList benefits={benefits} headingLevel={2} />
      ) : (
        <p className="muted">No benefits have been described yet.</p>
      )}
    </>
  )
}
