import type { Payload } from 'payload'

import { PRACTICE } from '../collections'
import { PLACEHOLDER_PRACTICE_NAME } from './placeholder'

/** Her practice's name as it is saved now, for e-mails and the admin (read past the site's cache). */
export async function currentPracticeName(payload: Payload): Promise<string> {
  try {
    const practice = await payload.findGlobal({ slug: PRACTICE, depth: 0, overrideAccess: true, select: { name: true } })
    return practice.name?.trim() || PLACEHOLDER_PRACTICE_NAME
  } catch (error) {
    payload.logger.warn({ err: error }, '[practice] could not read the practice name')
    return PLACEHOLDER_PRACTICE_NAME
  }
}

/**
 * The From of every e-mail the site sends: SMTP_FROM's address under her practice's name. Given
 * on each message, so the adapter's fixed default name (lib/email.ts) never shows.
 */
export const senderFrom = (name: string, address: string | undefined) => (address ? { from: { name, address } } : {})
