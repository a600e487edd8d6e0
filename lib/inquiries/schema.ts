import { z } from 'zod'

import {
  EMAIL_MAX_LENGTH,
  HONEYPOT_FIELD,
  INQUIRY_FIELDS,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MIN_LENGTH,
  NAME_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  PREFERRED_TIMES,
  type FieldError,
} from './fields'

export * from './fields'

/**
 * What a visitor may send through the contact form (and `POST /api/inquiries`): one schema, used
 * by the collection's hook for every public channel, whose messages the form shows beside each
 * field. Messages speak to the visitor, not to a developer.
 */

const SOURCE_PATH_MAX_LENGTH = 300

export const MESSAGES = {
  name: 'Please enter your name.',
  nameTooLong: `Please shorten your name to ${NAME_MAX_LENGTH} characters or fewer.`,
  email: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address, like name@example.com.',
  phone: 'Please enter a phone number using digits (spaces, +, -, ( and ) are fine), or leave it empty.',
  phoneTooLong: `Please shorten the phone number to ${PHONE_MAX_LENGTH} characters or fewer.`,
  preferredTime: 'Please choose a preferred time from the list.',
  message: 'Please write your message.',
  messageTooShort: `Please write a little more (at least ${MESSAGE_MIN_LENGTH} characters), so we know how to help.`,
  messageTooLong: (length: number) =>
    `Your message is ${length.toLocaleString('en')} characters long; please shorten it to ${MESSAGE_MAX_LENGTH.toLocaleString('en')} or fewer.`,
  consent: 'Please tick the box to agree that we may contact you about your message.',
  form: 'Please fill in the form.',
} as const

/** Form posts send "" for an empty field: that is "not given", not a value. */
const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

/** A checkbox as a form posts it ("on") or as JSON sends it (true). */
const CHECKED = new Set(['on', 'true', 'yes', '1'])
const isChecked = (value: unknown) => value === true || (typeof value === 'string' && CHECKED.has(value.trim().toLowerCase()))

/** Lenient on format (people write numbers many ways), strict on what characters may appear. */
const PHONE_PATTERN = /^\+?[\d\s().\/-]+$/
const PHONE_MIN_DIGITS = 5

export const inquirySchema = z.object(
  {
    name: z.string({ error: MESSAGES.name }).trim().min(1, MESSAGES.name).max(NAME_MAX_LENGTH, MESSAGES.nameTooLong),
    email: z
      .string({ error: MESSAGES.email })
      .trim()
      .min(1, MESSAGES.email)
      .max(EMAIL_MAX_LENGTH, MESSAGES.emailInvalid)
      .pipe(z.email(MESSAGES.emailInvalid)),
    phone: z.preprocess(
      blankAsUndefined,
      z
        .string({ error: MESSAGES.phone })
        .trim()
        .max(PHONE_MAX_LENGTH, MESSAGES.phoneTooLong)
        .regex(PHONE_PATTERN, MESSAGES.phone)
        .refine((phone) => phone.replace(/\D/g, '').length >= PHONE_MIN_DIGITS, MESSAGES.phone)
        .optional(),
    ),
    preferredTime: z.preprocess(
      (value) => blankAsUndefined(value) ?? 'any',
      z.enum(PREFERRED_TIMES, { error: MESSAGES.preferredTime }),
    ),
    message: z
      .string({ error: MESSAGES.message })
      .trim()
      .min(1, MESSAGES.message)
      .min(MESSAGE_MIN_LENGTH, MESSAGES.messageTooShort)
      .max(MESSAGE_MAX_LENGTH, { error: (issue) => MESSAGES.messageTooLong(String(issue.input ?? '').length) }),
    consent: z
      .unknown()
      .refine(isChecked, MESSAGES.consent)
      .transform(() => true as const),
    // Where the visitor wrote from (the article page or /contact): a site path, or nothing.
    sourcePath: z.preprocess(
      blankAsUndefined,
      z
        .string()
        .trim()
        .max(SOURCE_PATH_MAX_LENGTH)
        .regex(/^\/(?!\/)\S*$/)
        .optional()
        .catch(undefined),
    ),
    [HONEYPOT_FIELD]: z.unknown().optional(),
  },
  { error: MESSAGES.form },
)

export type InquirySubmission = Omit<z.output<typeof inquirySchema>, typeof HONEYPOT_FIELD>

export type ParsedInquiry =
  | { success: true; data: InquirySubmission; honeypotFilled: boolean }
  | { success: false; errors: FieldError[] }

/** Whether a bot filled the hidden field (a person never sees it, so leaves it empty). */
export function isHoneypotFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false
  return typeof value === 'string' ? value.trim() !== '' : true
}

/**
 * Parses a submission (JSON or form fields as strings). On failure, one message per field, in form
 * order (the first problem with each: the one to fix first). Unknown fields are dropped.
 */
export function parseInquiry(input: unknown): ParsedInquiry {
  const result = inquirySchema.safeParse(input)
  if (!result.success) {
    const byField = new Map<string, string>()
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || 'form'
      if (!byField.has(path)) byField.set(path, issue.message)
    }
    const order = (path: string) => {
      const index = (INQUIRY_FIELDS as readonly string[]).indexOf(path)
      return index === -1 ? INQUIRY_FIELDS.length : index
    }
    const errors = [...byField].map(([path, message]) => ({ path, message })).sort((a, b) => order(a.path) - order(b.path))
    return { success: false, errors }
  }
  const { [HONEYPOT_FIELD]: honeypot, ...data } = result.data
  return { success: true, data, honeypotFilled: isHoneypotFilled(honeypot) }
}
