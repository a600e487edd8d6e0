import type { CollectionBeforeOperationHook, Payload } from 'payload'

import { resetRequestTaken, tooManyAttempts } from '../../../lib/auth/errors'
import { accountKey, recordResetRequest, resetRetryAfterSeconds, takeResetMail } from '../../../lib/auth/limits'
import { passwordResetEmail } from '../../../lib/auth/resetMail'
import { clientAddress, clientKey } from '../../../lib/runtime/clientAddress'
import { env } from '../../../lib/config/env'
import { USERS } from '../../../lib/collections'
import { currentPracticeName, senderFrom } from '../../../lib/practice/sender'

/**
 * "Forgot password?" from outside (REST, GraphQL, the admin's form): past its address's limit a
 * 429; otherwise the same answer for every e-mail, at once, while the work happens in the
 * background: for an account that has not had a reset e-mail in the last minutes, Payload makes a
 * new token (Local API, with its own e-mail off) and the link goes out from here. So the answer's
 * words, status and timing say nothing about which addresses have accounts, nobody can fill an
 * inbox with reset e-mails, and a stranger cannot keep replacing the therapist's link with a new
 * one. REST answers it like Payload does (200 "Success"): authErrorResponse.ts.
 */
export const paceResetMails: CollectionBeforeOperationHook<typeof USERS> = async ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'forgotPassword' || overrideAccess) return args
  const email = (args as { data?: { email?: unknown } }).data?.email
  // Payload has already answered a missing e-mail with a 400.
  if (typeof email !== 'string') return args

  const client = clientKey(clientAddress(req.headers))
  const retryAfterSeconds = await resetRetryAfterSeconds(client)
  if (retryAfterSeconds > 0) throw tooManyAttempts('reset', retryAfterSeconds)
  await recordResetRequest(client)

  const account = accountKey(email)
  if (await takeResetMail(account)) void sendResetMail(req.payload, account)
  throw resetRequestTaken()
}

async function sendResetMail(payload: Payload, account: string) {
  try {
    const token = await payload.forgotPassword({ collection: USERS, data: { email: account }, disableEmail: true })
    if (!token) return
    const name = await currentPracticeName(payload)
    await payload.sendEmail({ to: account, ...senderFrom(name, env.SMTP_FROM), ...passwordResetEmail(token, name) })
    // Without SMTP, Payload has just logged that it had nowhere to send it.
    if (env.SMTP_HOST) payload.logger.info({ msg: 'Password reset e-mail sent' })
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Password reset e-mail failed' })
  }
}
