import { APIError } from 'payload'

/**
 * How the login and password-reset hooks (collections/Users/hooks/) turn a request away, and their
 * recognition by the REST error answer (collections/Users/hooks/authErrorResponse.ts). Recognised
 * by name, never by class, and names set by hand: see lib/inquiries/errors.ts for why.
 */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts'
export const RESET_REQUEST_TAKEN = 'PasswordResetRequestTaken'

const minutes = (seconds: number) => {
  const count = Math.ceil(seconds / 60)
  return `${count} minute${count === 1 ? '' : 's'}`
}

export const tooManyAttemptsMessage = (what: 'login' | 'reset', retryAfterSeconds: number) =>
  what === 'login'
    ? `Too many failed logins from your network. Please try again in ${minutes(retryAfterSeconds)}.`
    : `Too many password reset requests from your network. Please try again in ${minutes(retryAfterSeconds)}.`

export function tooManyAttempts(what: 'login' | 'reset', retryAfterSeconds: number): APIError {
  const error = new APIError(tooManyAttemptsMessage(what, retryAfterSeconds), 429, { retryAfterSeconds }, true)
  error.name = TOO_MANY_ATTEMPTS
  return error
}

/**
 * Not a failure: every password-reset request that passes the limits ends here, whether an e-mail
 * goes out (in the background) or not, so all of them get the same answer in the same time.
 */
export function resetRequestTaken(): APIError {
  const error = new APIError('If an account uses this e-mail address, a link to reset its password is on its way.', 200, null, true)
  error.name = RESET_REQUEST_TAKEN
  return error
}

export function retryAfterOf(error: unknown): number | null {
  if (!error || typeof error !== 'object' || (error as { name?: unknown }).name !== TOO_MANY_ATTEMPTS) return null
  return Number((error as { data?: { retryAfterSeconds?: unknown } }).data?.retryAfterSeconds) || 60
}

export const isResetRequestTaken = (error: unknown) =>
  Boolean(error && typeof error === 'object' && (error as { name?: unknown }).name === RESET_REQUEST_TAKEN)
