import Link from 'next/link'
import type { ReactNode } from 'react'

/** A link she typed in the settings: a page of the site goes through Next's Link, anything else is a plain link. */
export function SiteLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  if (href.startsWith('/') && !href.startsWith('//')) {
    return (
      <Link href={href} className={className}>
        {children}
      </Link>
    )
  }
  return (
    <a href={href} className={className} rel="noopener">
      {children}
    </a>
  )
}
