import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@/tests/chromium'

/**
 * The browser tier's harness: Debian's Chromium driven by playwright-core (no browser download),
 * headless, offline-friendly, with a fresh profile per run and a screenshot of every open page
 * when a step fails.
 */
export const SCREENSHOT_DIR = path.resolve(process.cwd(), 'test-results', 'e2e')

export type BrowserSession = {
  context: BrowserContext
  page: Page
  /** Runs one named step; on failure saves screenshots of every open page, then rethrows. */
  step<T>(name: string, run: () => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** `javaScriptEnabled: false` browses as a visitor without JavaScript does (no-JS form posts). */
export type BrowserOptions = { javaScriptEnabled?: boolean }

export async function openBrowser(baseURL: string, { javaScriptEnabled = true }: BrowserOptions = {}): Promise<BrowserSession> {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-chromium-'))
  // A persistent context is how playwright gives Chromium its own --user-data-dir.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL,
    viewport: { width: 1400, height: 1000 },
    // Fixed, so dates typed into the admin's pickers mean the same instant on every machine.
    locale: 'en-US',
    timezoneId: 'UTC',
    // Screenshots of a failing run should show the state, not a half-finished transition.
    reducedMotion: 'reduce',
    javaScriptEnabled,
  })
  context.setDefaultTimeout(30_000)
  context.setDefaultNavigationTimeout(60_000)
  const page = context.pages()[0] ?? (await context.newPage())

  async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      const saved = await saveScreenshots(context, name)
      if (saved.length > 0) console.error(`[e2e] step "${name}" failed; screenshots: ${saved.join(', ')}`)
      throw error
    }
  }

  async function close() {
    await context.close().catch((error: unknown) => console.warn('[e2e] closing Chromium failed:', error))
    rmSync(profileDir, { recursive: true, force: true })
  }

  return { context, page, step, close }
}

async function saveScreenshots(context: BrowserContext, stepName: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const stem = `${new Date().toISOString().replace(/[:.]/g, '-')}-${stepName.replace(/\W+/g, '-').toLowerCase()}`
  const saved: string[] = []
  for (const [index, page] of context.pages().entries()) {
    const file = path.join(SCREENSHOT_DIR, `${stem}-${index}.png`)
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 })
      saved.push(path.relative(process.cwd(), file))
    } catch (error) {
      console.warn(`[e2e] could not screenshot ${page.url()}:`, error)
    }
  }
  return saved
}

/**
 * Waits until an admin edit form is ready for typing: React has hydrated it (the input carries
 * React's `__reactFiber$…` key; keys typed into server-rendered HTML are lost when hydration resets
 * it), and then the page has been quiet on the network for a while. After hydrating, the admin
 * refreshes the route once and its fields load what they show (a relationship's label): the
 * form's state is replaced then, which loses keys typed in between. `networkidle` alone is no
 * signal: it can come while hydration, CPU work without requests, is still going.
 */
export async function untilFormReady(page: Page, selector: string, quietMs = 1_500): Promise<void> {
  await page.waitForFunction((target) => {
    const element = document.querySelector(target)
    return element !== null && Object.keys(element).some((key) => key.startsWith('__reactFiber$'))
  }, selector)
  await untilNetworkQuiet(page, quietMs)
}

/** Resolves once the page has had no request in flight for `quietMs`. */
async function untilNetworkQuiet(page: Page, quietMs: number, timeoutMs = 30_000): Promise<void> {
  let inFlight = 0
  let quietSince = Date.now()
  const started = () => inFlight++
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1)
    if (inFlight === 0) quietSince = Date.now()
  }
  page.on('request', started)
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  try {
    const deadline = Date.now() + timeoutMs
    while (inFlight > 0 || Date.now() - quietSince < quietMs) {
      if (Date.now() > deadline) throw new Error(`The page did not go quiet on the network within ${timeoutMs / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  } finally {
    page.off('request', started)
    page.off('requestfinished', ended)
    page.off('requestfailed', ended)
  }
}

/**
 * Retries `probe` until it returns without throwing (typically a few `expect`s), or fails after
 * `timeoutMs` with the probe's last error. For conditions outside the page: REST, public pages.
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  { timeoutMs = 30_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await probe()
    } catch (error) {
      if (Date.now() > deadline) {
        const detail = error instanceof Error ? error.message : String(error)
        throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}:\n${detail}`)
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
