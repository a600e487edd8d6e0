import type { ReactNode } from 'react'

import { PreviewBar } from '../../components/PreviewBar'
import { SiteFooter } from '../../components/SiteFooter'
import { SiteHeader } from '../../components/SiteHeader'
import { rootMetadata } from '../../lib/seo/metadata'
import { site } from '../../lib/site'
import './styles.css'

export const metadata = rootMetadata

// Rendered per request, so `next build` never needs the database; the data each page shows comes
// from Next's cache, purged by tag when content changes (lib/cache-tags.ts).
export const dynamic = 'force-dynamic'

export default function FrontendLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={site.locale}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <PreviewBar />
        <SiteHeader />
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
