import type { Metadata } from 'next'

import { ContactForm } from '@/components/ContactForm'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { site } from '@/lib/config/site'

export const metadata: Metadata = pageMetadata({
  title: 'Contact',
  description: `Write to ${site.name}: questions about massage therapy, or a good time for your first appointment. We reply by email or phone.`,
  path: routes.contact(),
})

export default function ContactPage() {
  return (
    <section className="contact-page">
      <h1>Contact</h1>
      <p>
        Questions about massage, or looking for a time for your first appointment? Write a few words about yourself and
        what you would like help with, and we will get back to you.
      </p>
      <ContactForm sourcePath={routes.contact()} idPrefix="contact" />
    </section>
  )
}
