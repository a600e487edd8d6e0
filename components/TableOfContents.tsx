import { type TocEntry, TOC_MIN_ENTRIES } from '@/lib/richtext/headings'
import styles from './TableOfContents.module.css'

const TITLE_ID = 'table-of-contents-title'

/** Ids this component puts on the page, which headings must not take. */
export const TABLE_OF_CONTENTS_IDS = [TITLE_ID]

/**
 * "In this article": links to the article's h2 headings, with its h3 headings nested under them.
 * Plain anchors, so it works without JavaScript. Not shown for fewer than two headings.
 */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length < TOC_MIN_ENTRIES) return null
  const sections: { entry: TocEntry; children: TocEntry[] }[] = []
  for (const entry of entries) {
    const parent = sections.at(-1)
    // An h3 before any h2 still gets a line of its own.
    if (entry.level === 3 && parent) parent.children.push(entry)
    else sections.push({ entry, children: [] })
  }
  return (
    <nav className={`toc ${styles.toc}`} aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID} className={styles.title}>
        In this article
      </h2>
      <ol>
        {sections.map(({ entry, children }) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`}>{entry.text}</a>
            {children.length > 0 ? (
              <ol>
                {children.map((child) => (
                  <li key={child.id}>
                    <a href={`#${child.id}`}>{child.text}</a>
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </nav>
  )
}
