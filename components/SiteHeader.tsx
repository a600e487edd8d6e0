import { getPractice, type MenuEntry } from '@/lib/queries/practice'
import { routes } from '@/lib/paths/routes'
import { BookButton } from './BookButton'
import { SearchForm } from './SearchForm'
import { SiteLink } from './SiteLink'

function MenuList({ entries }: { entries: MenuEntry[] }) {
  return (
    <ul className="nav-list">
      {entries.map((entry) => (
        <li key={`${entry.label}-${entry.href}`}>
          <SiteLink href={entry.href}>{entry.label}</SiteLink>
        </li>
      ))}
    </ul>
  )
}

/**
 * Her name (and logo), her menu, search and "Book a session". On a phone it stays one row: the
 * menu and search fold into a <details> disclosure, which opens without JavaScript. Wide screens
 * show them inline instead; the stylesheet shows exactly one of the two, so assistive technology
 * meets one main navigation.
 */
export async function SiteHeader() {
  const practice = await getPractice()
  const logo = practice.logo?.sizes?.thumbnail?.url ?? practice.logo?.url
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a href={routes.home()} className="site-name">
          {logo ? <img className="site-name__logo" src={logo} alt="" width={32} height={32} /> : null}
          <span>{practice.name}</span>
        </a>
        <nav aria-label="Main" className="site-nav site-nav--wide">
          <MenuList entries={practice.navigation} />
        </nav>
        <div className="site-search--wide">
          <SearchForm id="site-search" compact />
        </div>
        <BookButton practice={practice} compact />
        <details className="site-menu">
          <summary>Menu</summary>
          <div className="site-menu__panel">
            <nav aria-label="Main">
              <MenuList entries={practice.navigation} />
            </nav>
            <SearchForm id="menu-search" compact />
          </div>
        </details>
      </div>
    </header>
  )
}
