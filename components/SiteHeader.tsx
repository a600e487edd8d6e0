import Link from 'next/link'

import { routes } from '@/lib/paths/routes'
import { site } from '@/lib/config/site'
import { SearchForm } from './SearchForm'

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href={routes.home()} className="site-name">
          {site.name}
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
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
