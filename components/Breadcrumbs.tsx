import type { Crumb } from '@/lib/seo/breadcrumbs'
import styles from './Breadcrumbs.module.css'

/** Where this page sits; the same trail the page's BreadcrumbList JSON-LD describes. */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  return (
    <nav className={styles.breadcrumbs} aria-label="Breadcrumb">
      <ol>
        {trail.map((crumb, index) =>
          index === trail.length - 1 ? (
            <li key={crumb.path} aria-current="page">
              {crumb.name}
            </li>
          ) : (
            <li key={crumb.path}>
              <a href={crumb.path}>{crumb.name}</a>
            </li>
          ),
        )}
      </ol>
    </nav>
  )
}
