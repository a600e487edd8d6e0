import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { honeypotCaught, invalidInquiry, rateLimited } from '../../../lib/inquiries/errors'
import { clientAddress } from '../../../lib/runtime/clientAddress'
import { inquiryRateLimiter } from '../../../lib/inquiries/rateLimit'
import { INQUIRY_STATUSES, parseInquiry } from '../../../lib/inquiries/schema'
import { LogThrottle } from '../../../lib/runtime/logging'
import type { INQUIRIES } from '../../../lib/collections'

/** Set on the request context when a visitor's submission passed: only those notify by e-mail. */
export const VISITOR_SUBMISSION = 'inquiryFromVisitor'

const STATUSES = new Set<string>(INQUIRY_STATUSES)

/**
 * Refusals are logged at most once a minute per kind, with how many more there were since: a bot
 * decides how often they happen, and must not decide how much the server writes.
 */
const refusalLog = new LogThrottle(60_000)

function logRefusal(req: PayloadRequest, kind: 'rate-limit' | 'honeypot' | 'held', entry: Record<string, unknown>) {
  const logged = refusalLog.take(kind)
  if (!logged) return
  req.payload.logger.warn(logged.suppressed > 0 ? { ...entry, moreSinceLastLogged: logged.suppressed } : entry)
}

/**
 * The contact form's rules, on every create that runs under access control: REST
 * (`POST /api/inquiries`), GraphQL, the admin and the site's own form (Local API with
 * `overrideAccess: false`). Trusted server code (a backup import) writes with access overridden
 * and skips them. In order: the zod schema (a 400 naming each field), the honeypot (answered as
 * success, stored nowhere, logged, counted against nobody), the rate limit (a logged-in user is
 * exempt): 429 past the visitor's own limit, and past the site-wide cap the message is stored
 * "held for review" rather than refused. What is stored is what the schema made of the input:
 * trimmed, unknown fields dropped, status "new" (or "held").
 */
export const enforceVisitorRules: CollectionBeforeOperationHook<typeof INQUIRIES> = async ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'create' || overrideAccess === true || !('data' in args)) return args
  const parsed = parseInquiry(args.data)
  if (!parsed.success) throw invalidInquiry(parsed.errors)

  const client = clientAddress(req.headers)
  if (parsed.honeypotFilled) {
    logRefusal(req, 'honeypot', { msg: 'Inquiry dropped: honeypot field filled (answered as sent, nothing stored)', client })
    throw honeypotCaught()
  }

  let visitorStatus: { status?: 'held' } = {}
  if (!req.user) {
    const admission = await inquiryRateLimiter.admit(client)
    if (!admission.allowed) {
      logRefusal(req, 'rate-limit', { msg: 'Inquiry refused: rate limit reached', client, retryAfterSeconds: admission.retryAfterSeconds })
      throw rateLimited(admission.retryAfterSeconds)
    }
    if (admission.held) {
      logRefusal(req, 'held', { msg: 'Inquiry held for review: the site-wide cap was reached', client })
      visitorStatus = { status: 'held' }
    }
  }

  // Staff entering an inquiry by hand (in the admin) may set its status; a visitor's is "new" or "held".
  const status = (args.data as { status?: unknown } | undefined)?.status
  const staffStatus = req.user && typeof status === 'string' && STATUSES.has(status) ? { status } : {}
  req.context[VISITOR_SUBMISSION] = true
  return { ...args, data: { ...parsed.data, ...visitorStatus, ...staffStatus } } as typeof args
}
