import { nodemailerAdapter } from '@payloadcms/email-nodemailer'

import type { Env } from './env'
import { site } from './site'

/** Mail servers that never answer must not hold a send (or a socket) for nodemailer's minutes. */
/** Mail submission with STARTTLS, what providers ask for unless they say otherwise. */
export const DEFAULT_SMTP_PORT = 587
const SMTP_TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/**
 * Payload's e-mail (inquiry notifications, password resets) over SMTP when SMTP_HOST is set;
 * otherwise none, and Payload only logs what it would have sent. Not verified at start: a mail
 * server that is down must not delay or stop the site. lib/env.ts makes sure SMTP_FROM is set.
 */
export function emailAdapter(env: Env) {
  if (!env.SMTP_HOST || !env.SMTP_FROM) return undefined
  const port = env.SMTP_PORT ?? DEFAULT_SMTP_PORT
  return nodemailerAdapter({
    defaultFromAddress: env.SMTP_FROM,
    defaultFromName: site.name,
    skipVerify: true,
    transportOptions: {
      host: env.SMTP_HOST,
      port,
      // Port 465 speaks TLS from the first byte; others upgrade with STARTTLS when offered.
      secure: port === 465,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
      ...SMTP_TIMEOUTS_MS,
    },
  })
}
