import Link from 'next/link'

import { routes } from '@/lib/paths/routes'
import { site } from '@/lib/config/site'
import { SearchForm } from './SearchForm'
import styles from './SiteHeader.module.css'

export function SiteHeader() {
  return (
    <header className={`site-header ${styles.header}`}>
      <div className={`container ${styles.inner}`}>
        <Link href={routes.home()} className={styles.siteName}>
          {site.name}
        </Link>
        <nav aria-label="Main">
          <ul className={styles.navList}>
            <li>
              <Link href={routes.blog()}>Articles</Link>
            </li>
            <li>
              <Link href={routes.benefits()}>Benefits of massage</Link>
            </li>
            <li>
              <Link href={routes.contact()}>Contact</Link>
            </li>
          </ul>
        </nav>
        <SearchForm id="site-search" compact />
      </div>
    </header>
  )
}
