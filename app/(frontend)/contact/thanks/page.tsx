import type { Metadata } from 'next'

import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { getPractice } from '@/lib/queries/practice'

export async function generateMetadata(): Promise<Metadata> {
  const site = await getPractice()
  return pageMetadata(site, {
    title: 'Thank you for your message',
    description: `Your message to ${site.name} has arrived. We will reply by email or phone, usually within two working days.`,
    path: routes.contactThanks(),
    // A page reached only by sending the form: nothing for a search index.
    noindex: true,
  })
}

export default function ContactThanksPage() {
  return (
    <section className="message-page">
      <h1>Thank you for your message</h1>
      <p>It has arrived safely. We will reply by email or phone, usually within two working days.</p>
      <p>
        <a href={routes.blog()}>Read the articles</a> or <a href={routes.home()}>go to the home page</a>.
      </p>
    </section>
  )
}
