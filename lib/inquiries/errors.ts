import { APIError, ValidationError } from 'payload'

import { INQUIRIES } from '../collections'
import type { FieldError } from './schema'

/**
 * The ways the inquiries hook turns a submission away, as errors thrown out of Payload's create,
 * and their recognition by whoever catches them: the REST error response (collections/Inquiries/
 * hooks/inquiryErrorResponse.ts) and the contact form's action. Recognised by name and shape, never
 * by class: a production build may hold two copies of Payload's error classes, and minifies names
 * unless they are set by hand, as here.
 */

export const RATE_LIMITED = 'InquiryRateLimited'
export const HONEYPOT_CAUGHT = 'InquiryHoneypotCaught'

export const rateLimitMessage = (retryAfterSeconds: number) => {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  return `We have received several messages from you in a short time. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}

export function invalidInquiry(errors: FieldError[]): ValidationError {
  return new ValidationError({ collection: INQUIRIES, errors })
}

export function rateLimited(retryAfterSeconds: number): APIError {
  const error = new APIError(rateLimitMessage(retryAfterSeconds), 429, { retryAfterSeconds }, true)
  error.name = RATE_LIMITED
  return error
}

/** Not a failure for the sender: it is answered exactly like success, and nothing is stored. */
export function honeypotCaught(): APIError {
  const error = new APIError('Inquiry not stored: the hidden honeypot field was filled in.', 400, null, false)
  error.name = HONEYPOT_CAUGHT
  return error
}

export type InquiryRejection =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'rate-limited'; retryAfterSeconds: number; message: string }
  | { kind: 'honeypot' }

/** What went wrong with a submission, or null for any other error (which the caller rethrows). */
export function inquiryRejection(error: unknown): InquiryRejection | null {
  if (!error || typeof error !== 'object') return null
  const { name, status, data } = error as { name?: unknown; status?: unknown; data?: unknown }
  if (name === HONEYPOT_CAUGHT) return { kind: 'honeypot' }
  if (name === RATE_LIMITED) {
    const retryAfterSeconds = Number((data as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds) || 60
    return { kind: 'rate-limited', retryAfterSeconds, message: rateLimitMessage(retryAfterSeconds) }
  }
  const errors = (data as { errors?: unknown } | null)?.errors
  if (status === 400 && Array.isArray(errors)) {
    const fieldErrors = errors.filter(
      (entry): entry is FieldError => typeof entry?.path === 'string' && typeof entry?.message === 'string',
    )
    if (fieldErrors.length > 0) return { kind: 'invalid', errors: fieldErrors }
  }
  return null
}
