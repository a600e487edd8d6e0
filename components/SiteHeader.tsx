import { routes } from '@/lib/paths/routes'
import { site } from '@/lib/config/site'
import { SearchForm } from './SearchForm'
import styles from './SiteHeader.module.css'

export function SiteHeader() {
  return (
    <header className={`site-header ${styles.header}`}>
      <div className={`container ${styles.inner}`}>
        <a href={routes.home()} className={styles.siteName}>
          {site.name}
        </a>
        <nav aria-label="Main">
          <ul className={styles.navList}>
            <li>
              <a href={routes.blog()}>Articles</a>
            </li>
            <li>
              <a href={routes.benefits()}>Benefits of massage</a>
            </li>
            <li>
              <a href={routes.contact()}>Contact</a>
            </li>
          </ul>
        </nav>
        <SearchForm id="site-search" compact />
      </div>
    </header>
  )
}
