import { routes } from '@/lib/paths/routes'
import styles from './SiteFooter.module.css'
import { getPractice } from '@/lib/queries/practice'

export async function SiteFooter() {
  const practice = await getPractice()
  return (
    <footer className={`site-footer ${styles.footer}`}>
      <div className="container">
        <p>
          <a href={routes.home()}>{practice.name}</a>
          {practice.tagline ? ` · ${practice.tagline}` : ''}
        </p>
        <p>
          <a href={routes.contact()}>Contact, address and opening hours</a>
        </p>
        {practice.footerNote ? <p className="muted">{practice.footerNote}</p> : null}
      </div>
    </footer>
  )
}
