import type { Benefit } from '@/payload-types'
import { routes } from '@/lib/paths/routes'
import { RichText } from './RichText'
import styles from './BenefitList.module.css'

export type BenefitListItem = Pick<Benefit, 'id' | 'title' | 'slug' | 'summary'> & Partial<Pick<Benefit, 'description'>>

/**
 * The numbered benefits, each with an anchor (`#increases-circulation`) so a benefit can be
 * linked to directly, and a link to the benefit's own page.
 */
export function BenefitList({ benefits, headingLevel = 3 }: { benefits: BenefitListItem[]; headingLevel?: 2 | 3 }) {
  if (benefits.length === 0) return null
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ol className={`benefit-list ${styles.list}`}>
      {benefits.map((benefit) => (
        <li key={benefit.id} id={benefit.slug} className={styles.item}>
          <Heading className={styles.title}>
            <a href={routes.benefit(benefit.slug)}>{benefit.title}</a>
          </Heading>
          {benefit.description ? (
            <RichText data={benefit.description} className={styles.text} />
          ) : (
            <p className={styles.text}>{benefit.summary}</p>
          )}
        </li>
      ))}
    </ol>
  )
}
