// First, so the components' CSS modules follow the site-wide sheet in the cascade.
import './(frontend)/styles.css'

import { NotFoundContent } from '@/components/NotFoundContent'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { site } from '@/lib/config/site'
import { notFoundMetadata } from '@/lib/seo/metadata'

// Addresses no route matches (e.g. /no-such-page) render here, in the site's own layout; the
// header names her practice.
export const metadata = notFoundMetadata

export default function GlobalNotFound() {
  return (
    <html lang={site.locale}>
      <body>
        <SiteHeader />
        <main id="main" className="container">
          <NotFoundContent />
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
