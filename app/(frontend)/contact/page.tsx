import type { Metadata } from 'next'

import { ContactForm } from '@/components/ContactForm'
import { pageMetadata } from '@/lib/seo/metadata'
import { routes } from '@/lib/paths/routes'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { PracticeContact } from '@/components/PracticeContact'
import { getPractice } from '@/lib/queries/practice'
import { getServices } from '@/lib/queries/services'
import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import { contactDescription, contactPageGraph } from '@/lib/seo/contactPage'

export async function generateMetadata(): Promise<Metadata> {
  const practice = await getPractice()
  return pageMetadata(practice, { title: 'Contact', description: contactDescription(practice), path: routes.contact() })
}

export default async function ContactPage() {
  const [practice, services] = await Promise.all([getPractice(), getServices()])
  const trail = breadcrumbTrails.contact()
  return (
    <>
      <JsonLd data={contactPageGraph(practice, services, trail)} />
      <Breadcrumbs trail={trail} />
      <section className="contact-page">
        <h1>Contact</h1>
        <p>
          Questions about massage, or looking for a time for your first appointment? Write a few words about yourself and
          what you would like help with, and we will get back to you.
        </p>
        <PracticeContact practice={practice} />
        <h2>Write to us</h2>
        <ContactForm sourcePath={routes.contact()} idPrefix="contact" />
      </section>
    </>
  )
}
