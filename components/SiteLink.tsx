import type { ReactNode } from 'react'

/**
 * A link she typed in the settings. Plain links, like every link on the public pages: next/link
 * would add its script and prefetching to every page (bench/client-js.ts). Another site's address
 * gets rel="noopener".
 */
export function SiteLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const ownPage = href.startsWith('/') && !href.startsWith('//')
  return (
    <a href={href} className={className} rel={ownPage ? undefined : 'noopener'}>
      {children}
    </a>
  )
}
