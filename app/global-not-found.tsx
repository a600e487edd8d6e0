import { NotFoundContent } from '../components/NotFoundContent'
import { SiteFooter } from '../components/SiteFooter'
import { SiteHeader } from '../components/SiteHeader'
import { site } from '../lib/site'
import './(frontend)/styles.css'

// Addresses no route matches (e.g. /no-such-page) render here, in the site's own layout.
export const metadata = { title: `Page not found · ${site.name}`, robots: { index: false } }

// Rendered per request, like every page of the site: a prerendered page could not carry the
// request's CSP nonce, and the strict policy would refuse its scripts (lib/security/headers.ts).
export const dynamic = 'force-dynamic'

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
