import { routes } from '@/lib/paths/routes'
import { NOT_FOUND_TITLE } from '@/lib/seo/metadata'

export function NotFoundContent() {
  return (
    <section className="message-page">
      <h1>{NOT_FOUND_TITLE}</h1>
      <p>We couldn’t find that page. It may have moved, or the address may be mistyped.</p>
      <ul className="link-list">
        <li>
          <a href={routes.home()}>Go to the home page</a>
        </li>
        <li>
          <a href={routes.blog()}>Browse all articles</a>
        </li>
        <li>
          <a href={routes.benefits()}>Read about the benefits of massage</a>
        </li>
      </ul>
    </section>
  )
}
