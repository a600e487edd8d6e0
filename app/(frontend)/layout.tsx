import './styles.css'
import type { CSSProperties, ReactNode } from 'react'

import { PreviewBar } from '@/components/PreviewBar'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { rootMetadata } from '@/lib/seo/metadata'
import { site } from '@/lib/config/site'
import { getPractice } from '@/lib/queries/practice'
import '@/app/(frontend)/styles.css'

export const generateMetadata = async () => rootMetadata(await getPractice())

// Every page is cached whole after its first render and purged by tag when content changes
// (lib/cache/tags.ts). The 60 s are for caches in front of the server (Cache-Control s-maxage,
// nginx in docker-compose.yml): how long they may keep a page before asking again. Next re-renders
// a page at most that often, in the background, and only while it is being visited.
export const revalidate = 60

export default async function FrontendLayout({ children }: { children: ReactNode }) {
  const { accent } = await getPractice()
  // Her accent colour (checked for contrast when saved) for links and buttons.
  const colors = { '--color-accent': accent.accent, '--color-accent-strong': accent.strong } as CSSProperties
  return (
    <html lang={site.locale} style={colors}>
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
