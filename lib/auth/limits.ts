import { SlidingWindow } from '../limits/window'

/**
 * How hard the admin's door may be knocked on, per client address (lib/runtime/clientAddress.ts).
 *
 * Logins: 5 wrong passwords for one account from one address shut that account out *for that
 * address* for the rest of 15 minutes, and 10 wrong passwords from one address, whatever the
 * accounts, shut that address out: both answer 429 with Retry-After before any password is
 * checked. Nobody else is locked out: the therapist still logs in from her own address while a
 * stranger keeps failing from his. A correct password forgets its account's failures from that
 * address; an admin's unlock (POST /api/users/unlock) forgets them from every address.
 *
 * Password resets: 3 requests per address per 15 minutes (then 429), and at most one e-mail per
 * account every 5 minutes (later requests get the same answer and no e-mail).
 *
 * Counted in the shared store (lib/limits/store.ts), under the normalised e-mail: unknown e-mails
 * count exactly like real ones, so the answers tell nothing about which exist.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS = 5
export const FAILED_LOGINS_PER_ADDRESS = 10
export const RESET_REQUESTS_PER_ADDRESS = 3
export const RESET_MAIL_INTERVAL_MS = 5 * 60 * 1000

const failuresFromAddress = new SlidingWindow('login-failures', FAILED_LOGINS_PER_ADDRESS, LOGIN_WINDOW_MS)
const failuresForAccount = new SlidingWindow('login-failures-account', FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS, LOGIN_WINDOW_MS)
const unlocks = new SlidingWindow('login-unlocks', 1, LOGIN_WINDOW_MS)
const resetRequests = new SlidingWindow('reset-requests', RESET_REQUESTS_PER_ADDRESS, LOGIN_WINDOW_MS)
const resetMails = new SlidingWindow('reset-mails', 1, RESET_MAIL_INTERVAL_MS)

/** The e-mail as Payload looks accounts up: trimmed, lower case. */
export const accountKey = (email: string) => email.trim().toLowerCase()
const accountFromAddress = (account: string, client: string) => `${account} ${client}`

/** Seconds until `client` may try to log in to `account` again; 0 when it may now. */
export async function loginRetryAfterSeconds(client: string, account: string, now = Date.now()): Promise<number> {
  const unlockedAt = (await unlocks.latest(account, now)) ?? 0
  const [fromAddress, forAccount] = await Promise.all([
    failuresFromAddress.retryAfterSeconds(client, now),
    failuresForAccount.retryAfterSeconds(accountFromAddress(account, client), now, unlockedAt),
  ])
  return Math.max(fromAddress, forAccount)
}

export async function recordFailedLogin(client: string, account: string, now = Date.now()): Promise<void> {
  await Promise.all([failuresFromAddress.record(client, now), failuresForAccount.record(accountFromAddress(account, client), now)])
}

export async function forgetFailedLogins(client: string, account: string): Promise<void> {
  await failuresForAccount.clear(accountFromAddress(account, client))
}

export async function recordUnlock(account: string, now = Date.now()): Promise<void> {
  await unlocks.record(account, now)
}

/** Seconds until `client` may ask for another password reset; 0 when it may now. */
export async function resetRetryAfterSeconds(client: string, now = Date.now()): Promise<number> {
  return resetRequests.retryAfterSeconds(client, now)
}

export async function recordResetRequest(client: string, now = Date.now()): Promise<void> {
  await resetRequests.record(client, now)
}

/** Whether `account` may be sent a reset e-mail now; if so, counts it as sent. */
export async function takeResetMail(account: string, now = Date.now()): Promise<boolean> {
  if ((await resetMails.retryAfterSeconds(account, now)) > 0) return false
  await resetMails.record(account, now)
  return true
}
