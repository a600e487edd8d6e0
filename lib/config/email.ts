import { nodemailerAdapter } from '@payloadcms/email-nodemailer'

import type { Env } from './env'

/** Mail submission with STARTTLS, what providers ask for unless they say otherwise. */
export const DEFAULT_SMTP_PORT = 587
/** Mail servers that never answer must not hold a send (or a socket) for nodemailer's minutes. */
const SMTP_TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/** A mail server on this very machine (a local relay): what it is sent never crosses a network. */
const isLoopbackHost = (host: string) => /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i.test(host.trim())

/**
 * How the site connects to SMTP_HOST. Port 465 speaks TLS from the first byte. On any other port
 * the connection must upgrade with STARTTLS before the login and the message go out, or the send
 * fails: a server (or someone in between) that leaves STARTTLS out never gets them in clear text.
 * Only a relay on this machine (localhost) may speak plain SMTP.
 */
export function smtpTransportOptions(env: Pick<Env, 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_USER' | 'SMTP_PASS'> & { SMTP_HOST: string }) {
  const port = env.SMTP_PORT ?? DEFAULT_SMTP_PORT
  return {
    host: env.SMTP_HOST,
    port,
    secure: port === 465,
    requireTLS: port !== 465 && !isLoopbackHost(env.SMTP_HOST),
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
    ...SMTP_TIMEOUTS_MS,
  }
}

/**
 * Payload's e-mail (inquiry notifications, password resets) over SMTP when SMTP_HOST is set;
 * otherwise none, and Payload only logs what it would have sent. Not verified at start: a mail
 * server that is down must not delay or stop the site. lib/config/env.ts makes sure SMTP_FROM is set.
 */
export function emailAdapter(env: Env) {
  if (!env.SMTP_HOST || !env.SMTP_FROM) return undefined
  return nodemailerAdapter({
    defaultFromAddress: env.SMTP_FROM,
    // Every message names her practice as its sender itself (lib/practice/sender.ts); this is only the adapter's required default.
    defaultFromName: 'Website',
    skipVerify: true,
    transportOptions: smtpTransportOptions({ ...env, SMTP_HOST: env.SMTP_HOST }),
  })
}
