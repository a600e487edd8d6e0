'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { INQUIRIES } from '../collections'
import type { Inquiry } from '../../payload-types'
import { getPayloadClient } from '../config/payload'
import { routes } from '../paths/routes'
import { inquiryRejection } from './errors'
import { fieldErrorMap, formFields, type InquiryFormState } from './formState'
import { HONEYPOT_FIELD } from './schema'

type InquiryInput = Omit<Inquiry, 'id' | 'createdAt' | 'updatedAt'>

/**
 * The contact form's Server Action, with JavaScript (inline errors, no reload) and without (the
 * browser posts the form, the page comes back with the same errors; success is a 303). The
 * inquiry is created through the Local API under access control, so the collection's hook applies
 * the same schema, rate limit and honeypot as `POST /api/inquiries`; the write has completed before
 * the thank-you page is sent.
 */
export async function sendInquiry(_previous: InquiryFormState, formData: FormData): Promise<InquiryFormState> {
  const { [HONEYPOT_FIELD]: _honeypot, ...values } = formFields(formData)
  const payload = await getPayloadClient()
  try {
    await payload.create({
      collection: INQUIRIES,
      // Raw form text: the hook parses it (consent "on" → true, blanks → unset, trimming).
      data: formFields(formData) as unknown as InquiryInput,
      overrideAccess: false,
      // The visitor's request headers: the rate limit counts by the address recorded there.
      req: { headers: new Headers(await headers()) },
    })
  } catch (error) {
    const rejection = inquiryRejection(error)
    if (!rejection) throw error
    if (rejection.kind === 'invalid') return { status: 'invalid', values, ...fieldErrorMap(rejection.errors) }
    if (rejection.kind === 'rate-limited') return { status: 'rate-limited', values, errors: {}, message: rejection.message }
    // A filled honeypot is answered exactly like success.
  }
  redirect(routes.contactThanks())
}
