import type { Page } from 'playwright-core'

import { MESSAGES } from '@/lib/inquiries/schema'
import { adminSession, api } from '@/tests/http/auth'
import { baseUrl } from '@/tests/http/server'
import { eventually, openBrowser, type BrowserSession } from './browser'

/**
 * The contact form in real Chromium, with JavaScript (errors appear in place, no reload; then
 * success) and without (the plain form post comes back with the same messages; then success).
 * Each browser claims its own X-Forwarded-For address, so it never spends another test's rate limit.
 */
const RUN = Date.now().toString(36)

let adminToken: string
beforeAll(async () => {
  adminToken = (await adminSession()).token
})

async function storedInquiry(email: string) {
  const found = await api(`/inquiries?where[email][equals]=${encodeURIComponent(email)}&depth=0`, { token: adminToken })
  return found.body.docs[0] as Record<string, unknown> | undefined
}

async function fillInvalid(page: Page, name: string) {
  await page.getByLabel('Your name', { exact: true }).fill(name)
  await page.getByLabel('Email', { exact: true }).fill('maria@')
  await page.getByLabel('Message', { exact: true }).fill('Do you offer deep tissue massage in the evenings?')
  await page.getByLabel('Preferred time for an appointment', { exact: true }).selectOption('evening')
  await page.getByRole('button', { name: 'Send message' }).click()
}

async function expectErrorsShown(page: Page, name: string) {
  const summary = page.locator('.error-summary')
  await summary.waitFor()
  await expect(summary.textContent()).resolves.toContain(MESSAGES.emailInvalid)
  await expect(summary.textContent()).resolves.toContain(MESSAGES.consent)
  // The summary has the focus, so a screen reader starts there.
  await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('error-summary')
  const email = page.getByLabel('Email', { exact: true })
  await expect(email.getAttribute('aria-invalid')).resolves.toBe('true')
  await expect(page.locator(`#${await email.getAttribute('aria-describedby')}`).textContent()).resolves.toBe(MESSAGES.emailInvalid)
  // Nothing typed is lost.
  await expect(page.getByLabel('Your name', { exact: true }).inputValue()).resolves.toBe(name)
  await expect(email.inputValue()).resolves.toBe('maria@')
  await expect(page.getByLabel('Message', { exact: true }).inputValue()).resolves.toBe('Do you offer deep tissue massage in the evenings?')
  await expect(page.getByLabel('Preferred time for an appointment', { exact: true }).inputValue()).resolves.toBe('evening')
}

async function fixAndSend(page: Page, email: string) {
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel(/I agree that the practice may contact me/).check()
  await page.getByRole('button', { name: 'Send message' }).click()
  await page.waitForURL('**/contact/thanks')
  await expect(page.locator('h1').textContent()).resolves.toBe('Thank you for your message')
}

// The browser connects from 127.0.0.1, which the server counts as one visitor (it believes no
// X-Forwarded-For: lib/runtime/clientAddress.ts): these two messages are that address's only ones here
// (tests/http/inquiries.test.ts sends from addresses of its own).
describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the contact form %s', (label, javaScriptEnabled) => {
  let browser: BrowserSession

  beforeAll(async () => {
    browser = await openBrowser(baseUrl(), { javaScriptEnabled })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('shows per-field messages with the values kept, then sends', async () => {
    const { page, step } = browser
    const name = `Maria ${label} ${RUN}`
    const email = `e2e-${javaScriptEnabled ? 'js' : 'nojs'}-${RUN}@example.com`

    await step('open /contact from the header', async () => {
      await page.goto('/')
      await page.locator('header nav').getByRole('link', { name: 'Contact' }).click()
      await page.waitForURL('**/contact')
    })

    await step('send it with mistakes', async () => {
      if (javaScriptEnabled) await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
      await fillInvalid(page, name)
      await expectErrorsShown(page, name)
      if (javaScriptEnabled) {
        // Shown in place: the document that had the marker is still the one showing the errors.
        await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBe(true)
      }
      expect(await storedInquiry('maria@')).toBeUndefined()
    })

    await step('fix them and send', async () => {
      await fixAndSend(page, email)
      // The thank-you page comes after the write: the inquiry is stored by now.
      await eventually('the stored inquiry', async () =>
        expect(await storedInquiry(email)).toMatchObject({ name, preferredTime: 'evening', sourcePath: '/contact', consent: true }),
      { timeoutMs: 2_000 })
    })
  })
})
