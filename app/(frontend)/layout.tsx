import type { ReactNode } from 'react'

import { SiteFooter } from '../../components/SiteFooter'
import { SiteHeader } from '../../components/SiteHeader'
import { rootMetadata } from '../../lib/seo/metadata'
import { site } from '../../lib/site'
import './styles.css'

export const metadata = rootMetadata

// Content changes in the admin must show on the next request; rendering per request keeps every
// page current until on-demand revalidation (publish → purge by cache tag) takes this over.
export const dynamic = 'force-dynamic'

export default function FrontendLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.locale}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
