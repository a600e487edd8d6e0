import { randomUUID } from 'node:crypto'

import type { CollectionAfterErrorHook } from 'payload'

import { inquiryRejection } from '../../../lib/inquiries/errors'

/**
 * REST answers for a turned-away submission (field errors are validationErrorResponse's):
 * - rate limited: 429 with Retry-After and a message a person can act on;
 * - honeypot filled: the same 201 a stored inquiry gets, so a bot learns nothing.
 */
export const inquiryErrorResponse: CollectionAfterErrorHook = ({ error, req, result }) => {
  const rejection = inquiryRejection(error)
  if (rejection?.kind === 'rate-limited') {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', String(rejection.retryAfterSeconds))
    return {
      status: 429,
      response: { errors: [{ name: 'TooManyRequests', message: rejection.message, data: { retryAfterSeconds: rejection.retryAfterSeconds } }] },
    }
  }
  if (rejection?.kind === 'honeypot') {
    const now = new Date().toISOString()
    return { status: 201, response: { doc: { id: randomUUID(), createdAt: now, updatedAt: now }, message: 'Inquiry successfully created.' } }
  }
  return result ? { response: result } : undefined
}
