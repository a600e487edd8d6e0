import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { honeypotCaught, invalidInquiry, rateLimited } from '../../../lib/inquiries/errors'
import { clientAddress, inquiryRateLimiter } from '../../../lib/inquiries/rateLimit'
import { parseInquiry } from '../../../lib/inquiries/schema'
import { LogThrottle } from '../../../lib/logging'
import type { INQUIRIES } from '../../slugs'

/** Set on the request context when a visitor's submission passed: only those notify by e-mail. */
export const VISITOR_SUBMISSION = 'inquiryFromVisitor'

const STATUSES = new Set(['new', 'replied', 'closed'])

/**
 * Refusals are logged at most once a minute per kind, with how many more there were since: a bot
 * decides how often they happen, and must not decide how much the server writes.
 */
const refusalLog = new LogThrottle(60_000)

function logRefusal(req: PayloadRequest, kind: 'rate-limit' | 'honeypot', entry: Record<string, unknown>) {
  const logged = refusalLog.take(kind)
  if (!logged) return
  req.payload.logger.warn(logged.suppressed > 0 ? { ...entry, moreSinceLastLogged: logged.suppressed } : entry)
}

/**
 * The contact form's rules, on every create that runs under access control: REST
 * (`POST /api/inquiries`), GraphQL, the admin and the site's own form (Local API with
 * `overrideAccess: false`). Trusted server code (a backup import) writes with access overridden
 * and skips them. In order: the zod schema (a 400 naming each field), the rate limit (429; a
 * logged-in user is exempt), the honeypot (answered as success, stored nowhere, logged). What is
 * stored is what the schema made of the input: trimmed, unknown fields dropped, status "new".
 */
export const enforceVisitorRules: CollectionBeforeOperationHook<typeof INQUIRIES> = ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'create' || overrideAccess === true || !('data' in args)) return args
  const parsed = parseInquiry(args.data)
  if (!parsed.success) throw invalidInquiry(parsed.errors)

  const client = clientAddress(req.headers)
  if (!req.user) {
    const decision = inquiryRateLimiter().hit(client)
    if (!decision.allowed) {
      logRefusal(req, 'rate-limit', { msg: 'Inquiry refused: rate limit reached', client, retryAfterSeconds: decision.retryAfterSeconds })
      throw rateLimited(decision.retryAfterSeconds)
    }
  }
  if (parsed.honeypotFilled) {
    logRefusal(req, 'honeypot', { msg: 'Inquiry dropped: honeypot field filled (answered as sent, nothing stored)', client })
    throw honeypotCaught()
  }

  // Staff entering an inquiry by hand (in the admin) may set its status; a visitor's is always "new".
  const status = (args.data as { status?: unknown } | undefined)?.status
  const staffStatus = req.user && typeof status === 'string' && STATUSES.has(status) ? { status } : {}
  req.context[VISITOR_SUBMISSION] = true
  return { ...args, data: { ...parsed.data, ...staffStatus } } as typeof args
}
