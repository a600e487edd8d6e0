import type { Frame, Page } from 'playwright-core'

import { adminSession, createArticle } from '@/tests/http/auth'
import { baseUrl } from '@/tests/http/server'
import { openBrowser, type BrowserSession } from './browser'

/**
 * The Content-Security-Policy in a real browser (Debian Chromium): the public pages (this origin
 * only, no eval; inline scripts allowed because cached pages cannot carry a nonce, see
 * lib/security/headers.ts), draft preview, and Payload's admin (its own looser policy) load,
 * hydrate and run with no CSP violation and no header error in the console, in every frame (Live
 * Preview's pane too). A positive control shows the listener sees violations and the page's CSP
 * refuses a script from elsewhere and eval.
 */
const ARTICLE = '/blog/massage-therapy-benefits-on-immune-function'
const run = Date.now().toString(36)
const TITLE = `CSP check draft ${run}`

type Violation = { directive: string; blocked: string; source: string; frame: string }

let browser: BrowserSession
let page: Page
let token: string
let articleId: string
const consoleErrors: string[] = []

// Injected by the browser driver (not by the page), so the CSP under test does not apply to it.
const LISTEN_FOR_VIOLATIONS = () => {
  const store: unknown[] = []
  Object.defineProperty(window, '__cspViolations', { value: store })
  document.addEventListener('securitypolicyviolation', (event) => {
    store.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}`,
      frame: location.href,
    })
  })
}

async function violationsIn(frame: Frame): Promise<Violation[]> {
  return frame.evaluate(() => ((window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? []).slice())
}

/** Every violation in every frame of the page, and every CSP or header error in the console. */
async function problems(): Promise<{ violations: Violation[]; console: string[] }> {
  const violations = (await Promise.all(page.frames().map((frame) => violationsIn(frame).catch(() => [])))).flat()
  return { violations, console: consoleErrors.splice(0) }
}

/** Opens a page, lets it settle (scripts loaded and run), and expects a clean CSP record. */
async function expectCleanVisit(path: string, ready: () => Promise<unknown>) {
  const response = await page.goto(path, { waitUntil: 'networkidle' })
  expect(response?.headers()['content-security-policy']).toBeTruthy()
  await ready()
  // Violations are reported asynchronously after the blocked load.
  await page.waitForTimeout(500)
  expect(await problems()).toEqual({ violations: [], console: [] })
}

/** The Next runtime ran: the App Router's client state exists only after its scripts executed. */
async function expectHydrated() {
  await page.waitForFunction(() => typeof (window as unknown as { next?: { router?: unknown } }).next?.router === 'object')
}

beforeAll(async () => {
  token = (await adminSession()).token
  articleId = (
    await createArticle({
      title: TITLE,
      excerpt: 'An article of the CSP browser check, opened in draft preview and Live Preview.',
      body: 'Rendered under the strict policy, inside the admin and on its own.',
      status: 'published',
    })
  ).id

  browser = await openBrowser(baseUrl())
  page = browser.page
  await browser.context.addInitScript(LISTEN_FOR_VIOLATIONS)
  page.on('console', (message) => {
    const text = message.text()
    if (/content security policy|refused to|permissions-policy|feature policy/i.test(text)) {
      consoleErrors.push(`${message.type()}: ${text}`)
    }
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

it('public pages run under the strict policy with no violation', async () => {
  await browser.step('home', () => expectCleanVisit('/', expectHydrated))
  await browser.step('article (with JSON-LD)', async () => {
    await expectCleanVisit(ARTICLE, expectHydrated)
    await expect(page.locator('script[type="application/ld+json"]').count()).resolves.toBeGreaterThan(0)
  })
  await browser.step('search', () => expectCleanVisit('/search?q=massage', expectHydrated))
  await browser.step('a page that does not exist', () => expectCleanVisit('/no-such-page', async () => undefined))
}, 120_000)

it('the policy refuses markup-injected script from another origin and eval, and the check sees it', async () => {
  await browser.step('serve the article with scripts injected into its HTML', async () => {
    // As stored XSS would: markup in the server's HTML, under the server's own headers.
    const injectedPath = `${ARTICLE}?injected=${run}`
    const injected =
      '<script src="https://attacker.invalid/steal.js"></script>' +
      "<script>try { eval('window.__evaluated = true') } catch { window.__evalRefused = true }</script>"
    await page.route(`**${injectedPath}`, async (route) => {
      const response = await route.fetch()
      const html = (await response.text()).replace('</main>', `${injected}</main>`)
      await route.fulfill({ response, body: html })
    })
    await page.goto(injectedPath, { waitUntil: 'networkidle' })
    await page.waitForTimeout(500)
    const flags = await page.evaluate(() => {
      const w = window as unknown as { __evaluated?: boolean; __evalRefused?: boolean }
      return { evaluated: w.__evaluated === true, refused: w.__evalRefused === true }
    })
    expect(flags).toEqual({ evaluated: false, refused: true })
    const seen = await problems()
    expect(seen.violations).toContainEqual(
      expect.objectContaining({ directive: 'script-src-elem', blocked: 'https://attacker.invalid/steal.js' }),
    )
    expect(seen.violations).toContainEqual(expect.objectContaining({ directive: 'script-src', blocked: 'eval' }))
    await page.unrouteAll()
  })
}, 60_000)

it('the admin works under its policy: login, dashboard, and an edit page with Live Preview', async () => {
  await browser.step('login page', () =>
    expectCleanVisit('/admin/login', () => page.locator('input[name="email"], #field-email').first().waitFor()),
  )
  await browser.context.addCookies([{ name: 'payload-token', value: token, url: baseUrl() }])
  await browser.step('dashboard', () => expectCleanVisit('/admin', () => page.locator('.dashboard').first().waitFor()))
  await browser.step('draft preview of the article, on its own', () =>
    expectCleanVisit(`/next/preview?collection=articles&id=${articleId}`, async () => {
      await page.getByRole('status', { name: 'Draft preview' }).waitFor()
      await expectHydrated()
    }),
  )
  await browser.step('edit page with Live Preview open', async () => {
    await expectCleanVisit(`/admin/collections/articles/${articleId}`, () => page.locator('#field-title').waitFor())
    await page.locator('#live-preview-toggler').click()
    const pane = page.frameLocator('.live-preview-window iframe')
    await pane.locator('h1', { hasText: TITLE }).waitFor({ timeout: 30_000 })
    await pane.getByRole('status', { name: 'Draft preview' }).waitFor()
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(1_000)
    expect(page.frames().length).toBeGreaterThan(1)
    expect(await problems()).toEqual({ violations: [], console: [] })
  })
}, 150_000)
