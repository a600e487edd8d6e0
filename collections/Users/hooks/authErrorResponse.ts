import type { CollectionAfterErrorHook } from 'payload'

import { isResetRequestTaken, retryAfterOf } from '../../../lib/auth/errors'

/**
 * REST answers for the login and password-reset hooks (throttleLogins.ts, paceResetMails.ts):
 * - too many attempts: 429 with Retry-After and a message a person can act on;
 * - a password-reset request taken: Payload's own answer to it, 200 "Success", for every e-mail.
 */
export const authErrorResponse: CollectionAfterErrorHook = ({ error, req, result }) => {
  const retryAfterSeconds = retryAfterOf(error)
  if (retryAfterSeconds !== null) {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', String(retryAfterSeconds))
    return { status: 429, response: result ?? {} }
  }
  if (isResetRequestTaken(error)) return { status: 200, response: { message: req.t('general:success') } }
  return result ? { response: result } : undefined
}
