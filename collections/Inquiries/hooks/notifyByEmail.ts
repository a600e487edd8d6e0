import type { CollectionAfterChangeHook } from 'payload'

import { env } from '../../../lib/config/env'
import { absoluteUrl } from '../../../lib/paths/urls'
import { currentPracticeName, senderFrom } from '../../../lib/practice/sender'
import type { Inquiry } from '../../../payload-types'
import type { INQUIRIES } from '../../../lib/collections'
import { VISITOR_SUBMISSION } from './enforceVisitorRules'

/** One line, whatever the visitor typed: a subject header must never break into two. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The notification for a new inquiry: plain text, with a link to it in the admin. */
export function notificationEmail(inquiry: Pick<Inquiry, 'id' | 'name' | 'email' | 'phone' | 'preferredTime' | 'message' | 'sourcePath'>) {
  const lines = [
    `${oneLine(inquiry.name)} wrote through the contact form.`,
    '',
    `Email: ${inquiry.email}`,
    `Phone: ${inquiry.phone || '(not given)'}`,
    `Preferred time: ${inquiry.preferredTime ?? 'any'}`,
    `Sent from: ${inquiry.sourcePath ? absoluteUrl(inquiry.sourcePath) : '(unknown page)'}`,
    '',
    inquiry.message,
    '',
    `Open it in the admin: ${absoluteUrl(`/admin/collections/inquiries/${inquiry.id}`)}`,
  ]
  return { subject: `New inquiry from ${oneLine(inquiry.name)}`, text: lines.join('\n'), replyTo: inquiry.email }
}

/**
 * E-mails NOTIFY_EMAIL about each inquiry a visitor sends, when SMTP is configured. Not awaited:
 * the inquiry is stored whatever the mail server does, and the visitor does not wait on it. A
 * failed send is logged (the inquiry is in the admin either way).
 */
export const notifyByEmail: CollectionAfterChangeHook<Inquiry> = ({ context, doc, operation, req }) => {
  const to = env.NOTIFY_EMAIL
  if (operation !== 'create' || !to || !env.SMTP_HOST || !context[VISITOR_SUBMISSION]) return doc
  // A held message came in a flood: one e-mail each would bury the therapist's inbox too.
  if (doc.status === 'held') return doc
  const { payload } = req
  currentPracticeName(payload)
    .then((name) => payload.sendEmail({ to, ...senderFrom(name, env.SMTP_FROM), ...notificationEmail(doc) }))
    .then(() => payload.logger.info({ msg: 'Inquiry notification sent', inquiry: doc.id }))
    .catch((error: unknown) => payload.logger.error({ err: error, msg: 'Inquiry stored, but its e-mail notification failed', inquiry: doc.id }))
  return doc
}
