import Link from 'next/link'

import { getPractice } from '../lib/queries/practice'
import { routes } from '../lib/site'

export async function SiteFooter() {
  const practice = await getPractice()
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          <Link href={routes.home()}>{practice.name}</Link>
          {practice.tagline ? ` · ${practice.tagline}` : ''}
        </p>
        <p>
          <Link href={routes.contact()}>Contact, address and opening hours</Link>
        </p>
        {practice.footerNote ? <p className="muted">{practice.footerNote}</p> : null}
      </div>
    </footer>
  )
}
