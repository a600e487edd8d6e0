/**
 * The contact form's fields and limits, without zod: the browser form imports these, and zod's
 * runtime check uses `Function("")`, which the site's Content-Security-Policy (rightly) refuses.
 * lib/inquiries/schema.ts builds the validation from them on the server.
 */

export const PREFERRED_TIMES = ['any', 'morning', 'afternoon', 'evening', 'weekend'] as const
export type PreferredTime = (typeof PREFERRED_TIMES)[number]

export const NAME_MAX_LENGTH = 120
export const EMAIL_MAX_LENGTH = 254
export const PHONE_MAX_LENGTH = 40
export const MESSAGE_MIN_LENGTH = 10
export const MESSAGE_MAX_LENGTH = 5000

/**
 * Where an inquiry stands. "held": sent while the site-wide cap was reached (a flood, most likely
 * bots), kept for the therapist to look through rather than refused (lib/inquiries/rateLimit.ts).
 */
export const INQUIRY_STATUSES = ['new', 'held', 'replied', 'closed'] as const
export const INQUIRY_STATUS_LABELS: Record<(typeof INQUIRY_STATUSES)[number], string> = {
  new: 'New',
  held: 'Held for review',
  replied: 'Replied',
  closed: 'Closed',
}

/** The hidden field people never see and simple bots fill in: any value marks the sender a bot. */
export const HONEYPOT_FIELD = 'website'

/** The fields a visitor fills in, in form order: the keys of per-field messages. */
export const INQUIRY_FIELDS = ['name', 'email', 'phone', 'preferredTime', 'message', 'consent'] as const
export type InquiryField = (typeof INQUIRY_FIELDS)[number]

export type FieldError = { path: string; message: string }
