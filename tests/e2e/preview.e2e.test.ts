import type { FrameLocator, Page } from 'playwright-core'

import { adminSession, api, createArticle } from '@/tests/http/auth'
import { baseUrl } from '@/tests/http/server'
import { openBrowser, type BrowserSession } from './browser'

/**
 * Live Preview in a real browser (Debian Chromium): the article editor shows the site page beside
 * the form, in the sizes the therapist can pick, and the page follows her typing (autosave →
 * RefreshRouteOnSave → the server renders the new draft). Uses its own draft article.
 */
const run = Date.now().toString(36)
const TITLE = `Live preview draft ${run}`
const RETITLED = `Live preview draft retitled ${run}`

let browser: BrowserSession
let page: Page
let articleId: string

beforeAll(async () => {
  const { token } = await adminSession()
  // Published first, so its slug is settled (a never-published draft's slug follows its title,
  // and the pane would then reload at the new address instead of refreshing in place).
  articleId = (
    await createArticle({
      title: TITLE,
      excerpt: 'A draft for the live preview test.',
      body: 'Shown beside the editor while it is being written.',
      status: 'published',
    })
  ).id

  // Its own editor account: Payload keeps the Live Preview toggle in the user's preferences, so a
  // browser test sharing the admin account (tests/e2e/csp.e2e.test.ts toggles it too) would flip
  // the pane closed under this one.
  const editor = { email: `preview-${run}@example.com`, password: 'a-long-preview-password', name: 'Preview editor', role: 'editor' }
  expect((await api('/users', { method: 'POST', token, body: JSON.stringify(editor) })).status).toBe(201)
  const login = await api('/users/login', { method: 'POST', body: JSON.stringify({ email: editor.email, password: editor.password }) })
  expect(login.status).toBe(200)

  browser = await openBrowser(baseUrl())
  page = browser.page
  // Logged in as the admin's login form would leave it: Payload's session cookie.
  await browser.context.addCookies([{ name: 'payload-token', value: login.body.token, url: baseUrl() }])
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

const previewFrame = (): FrameLocator => page.frameLocator('.live-preview-window iframe')

it('shows the draft beside the editor, in mobile, tablet and desktop sizes, following autosave', async () => {
  await browser.step('open the editor with Live Preview', async () => {
    await page.goto(`/admin/collections/articles/${articleId}`)
    await page.locator('#live-preview-toggler').click()
    await expect(page.locator('.live-preview-window iframe').getAttribute('src')).resolves.toContain(
      `/next/preview?collection=articles&id=${articleId}`,
    )
  })

  await browser.step('the pane renders the draft on the site layout', async () => {
    await expect(previewFrame().locator('h1').textContent({ timeout: 30_000 })).resolves.toBe(TITLE)
    await expect(previewFrame().getByRole('status', { name: 'Draft preview' }).textContent()).resolves.toContain('Draft preview')
  })

  await browser.step('the size menu offers the three devices', async () => {
    await page.locator('.live-preview-toolbar-controls__breakpoint').click()
    for (const label of ['Mobile', 'Tablet', 'Desktop']) {
      await expect(page.getByRole('button', { name: label, exact: true }).count()).resolves.toBeGreaterThan(0)
    }
    await page.keyboard.press('Escape')
  })

  await browser.step('typing a new title reaches the pane after autosave', async () => {
    const iframe = page.locator('.live-preview-window iframe')
    const srcBefore = await iframe.getAttribute('src')
    await page.locator('#field-title').fill(RETITLED)
    await previewFrame().locator('h1', { hasText: RETITLED }).waitFor({ timeout: 30_000 })
    // Same address (a published article's slug stays put): the page refreshed itself on the save message,
    // rather than the admin reloading the pane at a new URL.
    await expect(iframe.getAttribute('src')).resolves.toBe(srcBefore)
  })
}, 150_000)
