import { AuthenticationError, type CollectionAfterOperationHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { tooManyAttempts } from '../../../lib/auth/errors'
import { accountKey, forgetFailedLogins, loginRetryAfterSeconds, recordFailedLogin, recordUnlock } from '../../../lib/auth/limits'
import { passwordMatches } from '../../../lib/auth/password'
import { clientAddress, clientKey } from '../../../lib/runtime/clientAddress'
import { LogThrottle } from '../../../lib/runtime/logging'
import { USERS } from '../../../lib/collections'

const refusalLog = new LogThrottle(60_000)

/**
 * Every login from outside (REST, GraphQL, the admin's form) passes here before Payload's own:
 * a client over its limits (lib/auth/limits.ts) gets a 429 before any password is looked at;
 * otherwise the password is checked here, so every failure is counted, and failures look alike:
 * an unknown e-mail costs the same hashing work as a wrong password and gets Payload's very error
 * (401 "The email or password provided is incorrect."). Payload's own per-account lock is off
 * (collections/Users: `maxLoginAttempts: 0`): it let anyone lock the therapist out from anywhere.
 * The Local API (trusted server code) overrides access and is not counted.
 */
export const throttleLogins: CollectionBeforeOperationHook<typeof USERS> = async ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'login' || overrideAccess) return args
  const { email, password } = ((args as { data?: unknown }).data ?? {}) as { email?: unknown; password?: unknown }
  // Missing fields: Payload answers those with a 400 naming them, the same for every account.
  if (typeof email !== 'string' || typeof password !== 'string' || email.trim() === '' || password.trim() === '') return args

  const account = accountKey(email)
  const client = clientKey(clientAddress(req.headers))
  const retryAfterSeconds = await loginRetryAfterSeconds(client, account)
  if (retryAfterSeconds > 0) {
    const logged = refusalLog.take('login')
    if (logged) req.payload.logger.warn({ msg: 'Login refused: too many failed attempts', client, moreSinceLastLogged: logged.suppressed })
    throw tooManyAttempts('login', retryAfterSeconds)
  }

  const user = await req.payload.db.findOne<{ id: string; hash?: string; salt?: string }>({ collection: USERS, where: { email: { equals: account } }, req })
  if (await passwordMatches(password, user)) {
    await forgetFailedLogins(client, account)
    return args
  }
  await recordFailedLogin(client, account)
  throw wrongCredentials(req)
}

/**
 * Payload's own error for a wrong password, words and all, named by hand: a production build
 * minifies class names, and lib/runtime/logging.ts's loggingLevels finds it by this name (one line, no
 * stack, however many strangers try).
 */
function wrongCredentials(req: PayloadRequest) {
  const error = new AuthenticationError(req.t)
  error.name = 'AuthenticationError'
  return error
}

/** An admin's unlock (POST /api/users/unlock) lifts the account's lock from every address. */
export const unlockEverywhere: CollectionAfterOperationHook<typeof USERS> = async ({ args, operation, result }) => {
  if (operation !== 'unlock' || !result) return result
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (typeof email === 'string') await recordUnlock(accountKey(email))
  return result
}
