import { clientKey } from '../runtime/clientAddress'
import { hitStore, type HitStore } from '../limits/store'
import { SlidingWindow } from '../limits/window'

/**
 * How the contact form paces messages: at most 5 per client per 10 minutes (a 429 after that);
 * and past 50 from everyone together in 10 minutes, further messages are still stored but marked
 * "held for review", so a flood of bots from many addresses can neither close the form for real
 * visitors nor bury the inbox. Counted in the shared store (lib/limits/store.ts). Only submissions
 * that pass validation and the honeypot count: a visitor fixing a typo is not punished for it,
 * and a bot caught by the honeypot spends nobody's allowance.
 */
export const INQUIRY_WINDOW_MS = 10 * 60 * 1000
export const INQUIRIES_PER_CLIENT = 5
export const INQUIRIES_PER_SITE = 50

export type InquiryAdmission = { allowed: true; held: boolean } | { allowed: false; retryAfterSeconds: number }

export class InquiryRateLimiter {
  readonly perClient: SlidingWindow
  readonly perSite: SlidingWindow

  constructor({
    perClient = INQUIRIES_PER_CLIENT,
    perSite = INQUIRIES_PER_SITE,
    windowMs = INQUIRY_WINDOW_MS,
    store = hitStore,
  }: { perClient?: number; perSite?: number; windowMs?: number; store?: () => HitStore } = {}) {
    this.perClient = new SlidingWindow('inquiries-per-client', perClient, windowMs, store)
    this.perSite = new SlidingWindow('inquiries-per-site', perSite, windowMs, store)
  }

  /** Whether `client` may send a message now, and if so whether it is held for review; counts it. */
  async admit(client: string, now = Date.now()): Promise<InquiryAdmission> {
    const key = clientKey(client)
    const retryAfterSeconds = await this.perClient.retryAfterSeconds(key, now)
    if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds }
    await this.perClient.record(key, now)
    // Held messages do not count towards the cap: it measures what reaches the inbox as new.
    const held = (await this.perSite.retryAfterSeconds('site', now)) > 0
    if (!held) await this.perSite.record('site', now)
    return { allowed: true, held }
  }
}

export const inquiryRateLimiter = new InquiryRateLimiter()
