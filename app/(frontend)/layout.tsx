// First, so the components' CSS modules follow the site-wide sheet in the cascade.
import './styles.css'

import type { ReactNode } from 'react'

import { PreviewBar } from '@/components/PreviewBar'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { rootMetadata } from '@/lib/seo/metadata'
import { site } from '@/lib/config/site'

export const metadata = rootMetadata

// Every page is cached whole after its first render and purged by tag when content changes
// (lib/cache/tags.ts). The 60 s are for caches in front of the server (Cache-Control s-maxage,
// nginx in docker-compose.yml): how long they may keep a page before asking again. Next re-renders
// a page at most that often, in the background, and only while it is being visited.
export const revalidate = 60

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
