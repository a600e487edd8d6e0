import Link from 'next/link'

import { routes } from '@/lib/paths/routes'

export function NotFoundContent() {
  return (
    <section className="message-page">
      <h1>Page not found</h1>
      <p>We couldn’t find that page. It may have moved, or the address may be mistyped.</p>
      <ul className="link-list">
        <li>
          <Link href={routes.home()}>Go to the home page</Link>
        </li>
        <li>
          <Link href={routes.blog()}>Browse all articles</Link>
        </li>
        <li>
          <Link href={routes.benefits()}>Read about the benefits of massage</Link>
        </li>
      </ul>
    </section>
  )
}
