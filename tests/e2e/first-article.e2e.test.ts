import type { Page } from 'playwright-core'

import { slugify } from '@/lib/paths/slug'
import { get as getShared, head, text } from '@/tests/http/html'
import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from '@/tests/http/ownServer'
import { TEST_SITE_URL } from '@/tests/http/server'
import { eventually, openBrowser, untilFormReady, type BrowserSession } from './browser'

/**
 * Her first minute with the product, in Chromium, on a server of its own that starts from an empty
 * database (so the seeded site and the "create first user" screen are hers): she creates the first
 * admin at /admin, opens Articles → Create new, types a title and one paragraph and presses
 * "Publish changes". Nothing else. The slug field showed the address of the whole title before
 * publishing; the article is then live there, described by its body and signed with her name
 * (the seeded Janet's profile, which her login now writes as).
 */
const FLOW_TIMEOUT = 240_000
const run = Date.now().toString(36)
const TITLE = `Five minutes for tired hands ${run}`
const SLUG = slugify(TITLE)
const PARAGRAPH =
  'Hands carry us through the day and rarely get a moment of care. These five minutes of gentle pressing and stretching help them recover.'
// Under 160 characters: the whole paragraph is the description.
const SUMMARY = PARAGRAPH
const OWNER = { email: 'janet@practice.example', password: 'a-long-first-password-for-janet', name: 'Janet Moreau' }

let server: OwnServer
let database: ReturnType<typeof temporarySqliteUri>
let browser: BrowserSession
let page: Page
let articleId: string

/** A page of the own server, as an anonymous visitor's next request gets it. */
const visit = (pathname: string) => getShared(pathname, {}, server.baseUrl)

beforeAll(async () => {
  database = temporarySqliteUri()
  server = await startOwnServer(database.uri)
  browser = await openBrowser(server.baseUrl)
  page = browser.page
}, 180_000)

afterAll(async () => {
  await browser?.close()
  stopOwnServer(server)
  database?.cleanup()
})

/** The checklist item on the dashboard: its label and whether it is ticked. */
async function checklistItem(key: string) {
  const item = page.locator(`[data-checklist-item="${key}"]`)
  await item.waitFor()
  return { done: (await item.getAttribute('data-done')) === 'true', text: (await item.textContent()) ?? '' }
}

it(
  'creates the first admin at /admin and finds the first-run checklist',
  () =>
    browser.step('first-admin', async () => {
      await page.goto('/admin')
      await page.waitForURL('**/admin/create-first-user**')
      await untilFormReady(page, '#field-email')
      await page.locator('#field-email').fill(OWNER.email)
      await page.locator('#field-password').fill(OWNER.password)
      await page.locator('#field-confirm-password').fill(OWNER.password)
      await page.locator('#field-name').fill(OWNER.name)
      await page.getByRole('button', { name: 'Create', exact: true }).click()
      await page.waitForURL((url) => url.pathname === '/admin')

      const profile = await checklistItem('author-profile')
      expect(profile.done).toBe(false)
      expect(profile.text).toContain('Check your author profile')
      const article = await checklistItem('first-article')
      expect(article).toMatchObject({ done: false })
      expect(article.text).toContain('Write your first article')
    }),
  FLOW_TIMEOUT,
)

it(
  'writes a title and one paragraph: the slug, the search preview and the summary fill themselves in',
  () =>
    browser.step('write', async () => {
      await page.goto('/admin/collections/articles/create')
      // Autosave creates the draft straight away and moves to its address.
      await page.waitForURL(/\/admin\/collections\/articles\/[0-9a-f-]{36}$/)
      articleId = page.url().split('/').pop() as string
      await untilFormReady(page, '#field-title')

      await page.locator('#field-title').pressSequentially(TITLE, { delay: 30 })
      await page.locator('[data-field-path="content"] [data-lexical-editor="true"]').click()
      await page.keyboard.type(PARAGRAPH)

      // Before publishing: the address of the whole title, in the slug field and the SEO preview.
      await expect(page.locator('#field-slug').inputValue()).resolves.toBe(SLUG)
      await page.getByTestId('search-result-preview-url').getByText(`${TEST_SITE_URL}/blog/${SLUG}`).waitFor()
      // The excerpt is empty; its placeholder shows what cards and search results will use.
      await expect(page.locator('#field-excerpt').inputValue()).resolves.toBe('')
      await eventually('the excerpt placeholder to show the summary from the body', async () => {
        expect(await page.locator('#field-excerpt').getAttribute('placeholder')).toBe(SUMMARY)
      })
      // Her login writes as the seeded profile: the author is already filled in.
      await page.locator('#field-author').getByText('Janet', { exact: true }).waitFor()
    }),
  FLOW_TIMEOUT,
)

it(
  'publishes with one click: live at /blog/<slug of the whole title>, described by its body, signed Janet',
  () =>
    browser.step('publish', async () => {
      await page.getByRole('button', { name: 'Publish changes' }).click()
      // No validation message anywhere: nothing else was needed.
      const live = await eventually('the article to be live', async () => {
        const candidate = await visit(`/blog/${SLUG}`)
        expect(candidate.status).toBe(200)
        return candidate
      })
      await expect(page.locator('.field-error, .tooltip--show').count()).resolves.toBe(0)
      expect(text(live.doc.querySelector('h1'))).toBe(TITLE)
      expect(text(live.doc.querySelector('article'))).toContain(PARAGRAPH)
      expect(head(live).description).toBe(SUMMARY)
      expect(head(live).canonical).toBe(`${TEST_SITE_URL}/blog/${SLUG}`)
      const byline = live.doc.querySelector('a[rel="author"]')
      expect(text(byline)).toContain('Janet')
      expect(byline?.getAttribute('href')).toBe('/authors/janet')

      const blog = await visit('/blog')
      const card = blog.doc.querySelectorAll('article.card').find((candidate) => text(candidate.querySelector('.card__title')) === TITLE)
      expect(text(card?.querySelector('.card__excerpt'))).toBe(SUMMARY)
    }),
  FLOW_TIMEOUT,
)

it(
  'ticks "Write your first article" off on the dashboard',
  () =>
    browser.step('checklist', async () => {
      expect(articleId).toBeTruthy()
      await page.goto('/admin')
      await expect(checklistItem('first-article')).resolves.toMatchObject({ done: true })
      await expect(checklistItem('author-profile')).resolves.toMatchObject({ done: false })
    }),
  FLOW_TIMEOUT,
)
