import type { Page } from 'playwright-core'

import { adminSession, api, createArticle } from '@/tests/http/auth'
import { baseUrl } from '@/tests/http/server'
import { openBrowser, type BrowserSession } from './browser'

/**
 * The "Editorial checks" panel in a real browser: it reads the article as it is being typed and
 * updates without a save. Uses its own draft (never published), so no public page changes.
 */
const run = Date.now().toString(36)
const TITLE = `Editorial checks draft ${run}`

let browser: BrowserSession
let page: Page
let articleId: string

beforeAll(async () => {
  const { token } = await adminSession()
  articleId = (
    await createArticle({
      title: TITLE,
      excerpt: 'A draft for the editorial checks test.',
      body: 'Massage can ease tension in the neck and shoulders after a long day.',
      status: 'draft',
    })
  ).id

  browser = await openBrowser(baseUrl())
  page = browser.page
  await browser.context.addCookies([{ name: 'payload-token', value: token, url: baseUrl() }])
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

it('flags an unreferenced health claim as soon as it is typed, and never blocks saving', async () => {
  const panel = page.locator('section[aria-labelledby="editorial-checks-heading"]')

  await browser.step('the panel is beside the editor, with no claim flagged yet', async () => {
    await page.goto(`/admin/collections/articles/${articleId}`)
    await panel.waitFor({ timeout: 30_000 })
    await expect(panel.locator('h3').textContent()).resolves.toBe('Editorial checks')
    await expect(panel.locator('[data-code="health-claim-unreferenced"]').count()).resolves.toBe(0)
  })

  await browser.step('typing "cures" into the title shows the warning with the word', async () => {
    await page.locator('#field-title').fill(`${TITLE}: massage cures everything`)
    const warning = panel.locator('[data-code="health-claim-unreferenced"]')
    await warning.waitFor({ timeout: 15_000 })
    await expect(warning.textContent()).resolves.toContain('cures')
  })

  await browser.step('the draft still saves (autosave) with the claim in it', async () => {
    const { token } = await adminSession()
    const deadline = Date.now() + 20_000
    let title = ''
    while (Date.now() < deadline && !title.includes('cures')) {
      title = (await api(`/articles/${articleId}?draft=true&depth=0`, { token })).body.title ?? ''
      if (!title.includes('cures')) await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(title).toContain('massage cures everything')
  })
}, 120_000)
