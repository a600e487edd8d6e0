import type { Article } from '@/payload-types'
import styles from './ReferenceList.module.css'

type Reference = NonNullable<Article['references']>[number]

/** The sources behind an article's health claims. */
export function ReferenceList({ references }: { references: Reference[] | null | undefined }) {
  if (!references?.length) return null
  return (
    <section className={styles.references} aria-labelledby="references-heading">
      <h2 id="references-heading">References</h2>
      <ol>
        {references.map((reference) => (
          <li key={reference.id ?? reference.title}>
            {reference.url ? (
              <a href={reference.url} rel="noopener noreferrer">
                {reference.title}
              </a>
            ) : (
              reference.title
            )}
            {[reference.publisher, reference.year].filter(Boolean).length > 0
              ? ` (${[reference.publisher, reference.year].filter(Boolean).join(', ')})`
              : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
