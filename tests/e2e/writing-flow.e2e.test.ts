import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'

import { slugify } from '@/lib/paths/slug'
import { type Account, adminSession, api, lexicalParagraph, ownAccount } from '@/tests/http/auth'
import { get, text } from '@/tests/http/html'
import { baseUrl } from '@/tests/http/server'
import { eventually, openBrowser, untilFormReady, type BrowserSession } from './browser'

/**
 * The therapist's whole writing flow in a real browser (Debian Chromium) against the production
 * server: log in at /admin, write an article with two benefits and an image, let autosave keep the
 * draft (public page: 404), preview it, publish (public page shows it on the next request), retitle
 * and publish again, then schedule a second article and watch it go live with no outside trigger.
 *
 * The steps build on each other, so they run in order and share the documents they create (the
 * seeded article is never touched: other files read it at the same time).
 */
const FLOW_TIMEOUT = 180_000
const run = Date.now().toString(36)
const TITLE = `Gentle neck release for desk workers ${run}`
const NEW_TITLE = `Gentle neck and shoulder release for desk workers ${run}`
const EXCERPT = 'Three slow moves that ease a stiff neck after a day at the keyboard.'
const BODY = 'Sit tall and let your shoulders drop. Breathe out slowly as you tip your ear toward one shoulder.'
const IMAGE_ALT = "Therapist's hands easing tension in a client's neck"
const SCHEDULED_TITLE = `Evening wind-down routine ${run}`

let browser: BrowserSession
let page: Page
let token: string
/** The therapist's login: an account of this file's own (see ownAccount). */
let therapist: Account
let janetId: string
let chosenBenefits: { id: string; title: string }[]
let fixtureDir: string
let imagePath: string

// Shared between the ordered steps below.
let articleId: string
let articleSlug: string

beforeAll(async () => {
  token = (await adminSession()).token
  therapist = await ownAccount()
  const authors = await api('/authors?where[slug][equals]=janet&depth=0&limit=1')
  janetId = authors.body.docs[0].id
  const benefits = await api('/benefits?sort=order&depth=0&limit=2&select[title]=true')
  expect(benefits.body.docs).toHaveLength(2)
  chosenBenefits = benefits.body.docs.map((doc: { id: string; title: string }) => ({ id: doc.id, title: doc.title }))

  fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-e2e-'))
  imagePath = path.join(fixtureDir, 'neck-release.png')
  const png = await sharp({ create: { width: 960, height: 540, channels: 3, background: '#4f7f8f' } }).png().toBuffer()
  writeFileSync(imagePath, png)

  browser = await openBrowser(baseUrl())
  page = browser.page
}, 60_000)

afterAll(async () => {
  await browser?.close()
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true })
  // The server keeps uploads in the checkout's data/media (its database is temporary): remove ours.
  // The articles stay (with the temporary database): other files may be crawling them right now.
  const uploads = await api(`/media?where[alt][equals]=${encodeURIComponent(IMAGE_ALT)}&depth=0`, { method: 'DELETE', token })
  expect(uploads.status).toBe(200)
})

/** The article as the admin's REST API sees its latest draft. */
async function latestDraft(id: string) {
  const result = await api(`/articles/${id}?draft=true&depth=0`, { token })
  expect(result.status).toBe(200)
  return result.body
}

/** An autosave request of the admin's edit form (a PATCH of the draft with `autosave=true`). */
function isAutosaveOf(id: string, url: string) {
  const { pathname, searchParams } = new URL(url)
  return pathname === `/api/articles/${id}` && searchParams.get('autosave') === 'true'
}

/**
 * The answer to the admin form's save of `id` that is not an autosave (the publish): the change is
 * live for visitors once the writer's browser has it, not as soon as the database holds it (the
 * request that publishes also purges the cache, as it ends).
 */
function publishAnswered(id: string) {
  return page.waitForResponse((response) => {
    const { pathname, searchParams } = new URL(response.url())
    return pathname === `/api/articles/${id}` && response.request().method() !== 'GET' && searchParams.get('autosave') !== 'true' && response.ok()
  })
}

/** The public page exactly as an anonymous visitor's next request gets it (no cookies, no redirects followed). */
const publicPage = (slug: string) => get(`/blog/${slug}`)

/** Picks an option in one of Payload's relationship selects (react-select) by its visible label. */
async function pickOption(field: Locator, label: string) {
  await field.locator('.rs__control').click()
  await page.keyboard.type(label)
  await page.locator('.rs__option', { hasText: label }).first().click()
  await field.locator('.rs__value-container', { hasText: label }).waitFor()
}

/** "MMM d, yyyy h:mm a" in UTC: what the admin's date-and-time picker parses (the browser runs in UTC). */
function pickerText(date: Date): string {
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })
  const hours = date.getUTCHours()
  const minutes = String(date.getUTCMinutes()).padStart(2, '0')
  return `${month} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`
}

describe('the writing flow in the admin', () => {
  it(
    'logs in through the /admin form',
    () =>
      browser.step('login', async () => {
        await page.goto('/admin')
        await page.waitForURL('**/admin/login**')
        await page.getByLabel('Email').fill(therapist.email)
        await page.getByLabel('Password').fill(therapist.password)
        await page.getByRole('button', { name: 'Login' }).click()
        await page.waitForURL((url) => url.pathname === '/admin')
        await page.getByRole('link', { name: 'Articles' }).first().waitFor()
      }),
    FLOW_TIMEOUT,
  )

  it(
    'writes an article with two benefits and an uploaded image; autosave keeps it as a private draft',
    () =>
      browser.step('write-draft', async () => {
        await page.goto('/admin/collections/articles/create')
        // Autosave creates the draft document straight away and moves to its address.
        await page.waitForURL(/\/admin\/collections\/articles\/[0-9a-f-]{36}$/)
        articleId = page.url().split('/').pop() as string
        await page.waitForLoadState('networkidle')
        await untilFormReady(page, '#field-title')

        // Typed as a person types, with a pause that lets autosave store a half-typed title: the
        // slug must still end up made from the whole title, not frozen at the first words.
        const title = page.locator('#field-title')
        const firstWords = TITLE.split(' ').slice(0, 2).join(' ')
        const halfTitleSaved = page.waitForResponse((response) => isAutosaveOf(articleId, response.url()) && response.ok())
        // Keys pressed before the form hydrates are lost (React resets the inputs), and on a busy
        // machine hydration can end well after the network went quiet: type until the words stay.
        await eventually('the title field to keep what is typed', async () => {
          await title.fill('')
          await title.pressSequentially(firstWords, { delay: 40 })
          await page.waitForTimeout(500)
          expect(await title.inputValue()).toBe(firstWords)
        })
        await halfTitleSaved
        await title.pressSequentially(TITLE.slice(firstWords.length), { delay: 40 })
        await expect(title.inputValue()).resolves.toBe(TITLE)
        await page.locator('#field-excerpt').fill(EXCERPT)
        await page.locator('[data-field-path="content"] [data-lexical-editor="true"]').click()
        await page.keyboard.type(BODY)

        await pickOption(page.locator('#field-author'), 'Janet')
        for (const benefit of chosenBenefits) await pickOption(page.locator('#field-benefits'), benefit.title)

        // The hero image, uploaded through the field's "Create New" drawer as the therapist would.
        await page.locator('#field-heroImage').getByRole('button', { name: 'Create New' }).click()
        const drawer = page.locator('.drawer__content').filter({ hasText: 'Creating new Image' })
        await drawer.locator('input[type="file"]').setInputFiles(imagePath)
        await drawer.locator('#field-alt').fill(IMAGE_ALT)
        await drawer.getByRole('button', { name: 'Save' }).click()
        await drawer.waitFor({ state: 'detached' })
        await page.locator('#field-heroImage').getByText('neck-release', { exact: false }).first().waitFor()

        // No "Save Draft" click exists with autosave: wait until the stored draft has everything.
        const draft = await eventually('autosave to store the whole draft', async () => {
          const doc = await latestDraft(articleId)
          expect(doc).toMatchObject({
            _status: 'draft',
            title: TITLE,
            excerpt: EXCERPT,
            author: janetId,
            benefits: chosenBenefits.map((benefit) => benefit.id),
          })
          expect(doc.heroImage).toEqual(expect.any(String))
          expect(JSON.stringify(doc.content)).toContain(BODY)
          expect(doc.slug).toBe(slugify(TITLE))
          return doc
        })
        articleSlug = draft.slug

        const media = await api(`/media/${draft.heroImage}?depth=0`)
        expect(media.body).toMatchObject({ alt: IMAGE_ALT, mimeType: expect.stringMatching(/^image\//) })

        expect((await publicPage(articleSlug)).status).toBe(404)
      }),
    FLOW_TIMEOUT,
  )

  it(
    'previews the draft on the real site layout, marked as a draft and not for indexing',
    () =>
      browser.step('preview', async () => {
        const previewButton = page.locator('#preview-button')
        await previewButton.waitFor()
        const [previewTab] = await Promise.all([browser.context.waitForEvent('page'), previewButton.click()])
        await previewTab.waitForURL((url) => url.pathname === `/blog/${articleSlug}`)
        await expect(previewTab.locator('h1').textContent()).resolves.toBe(TITLE)
        const bar = previewTab.getByRole('status', { name: 'Draft preview' })
        await expect(bar.textContent()).resolves.toContain('Draft preview')
        // Every robots tag says noindex. Not a strict single-element locator: when the admin's
        // autosave refreshes the preview, React can hold the old and new (identical) tags at once.
        const robots = await previewTab.locator('meta[name="robots"]').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('content')))
        expect(robots.length).toBeGreaterThan(0)
        for (const content of robots) expect(content).toContain('noindex')
        await expect(previewTab.locator('main').textContent()).resolves.toContain(BODY)

        // "Exit" leaves draft mode: the same browser, still logged in, gets the public 404 again.
        await bar.getByRole('link', { name: /exit/i }).click()
        await previewTab.waitForURL((url) => !url.pathname.startsWith('/next/'))
        expect((await previewTab.goto(`/blog/${articleSlug}`))?.status()).toBe(404)
        await previewTab.close()

        // The preview is the writer's alone: visitors still get a 404.
        expect((await publicPage(articleSlug)).status).toBe(404)
      }),
    FLOW_TIMEOUT,
  )

  it(
    'publishes: the public page shows the article on the next request',
    () =>
      browser.step('publish', async () => {
        const published = publishAnswered(articleId)
        await page.getByRole('button', { name: 'Publish changes' }).click()
        await published
        await eventually('the article to be published', async () => {
          expect(await latestDraft(articleId)).toMatchObject({ _status: 'published', title: TITLE })
        })

        const live = await publicPage(articleSlug)
        expect(live.status).toBe(200)
        expect(text(live.doc.querySelector('h1'))).toBe(TITLE)
        const article = text(live.doc.querySelector('article'))
        expect(article).toContain(BODY)
        const first = article.indexOf(chosenBenefits[0].title)
        const second = article.indexOf(chosenBenefits[1].title)
        expect(first).toBeGreaterThan(-1)
        expect(second).toBeGreaterThan(first)
        expect(live.doc.querySelector(`article img[alt="${IMAGE_ALT}"]`)).not.toBeNull()
      }),
    FLOW_TIMEOUT,
  )

  it(
    'publishes a new title: the page shows it on the next request',
    () =>
      browser.step('retitle', async () => {
        await page.locator('#field-title').fill(NEW_TITLE)
        await eventually('autosave to store the new title as a draft', async () => {
          expect(await latestDraft(articleId)).toMatchObject({ title: NEW_TITLE })
        })
        // Until it is published, visitors keep the old title.
        expect(text((await publicPage(articleSlug)).doc.querySelector('h1'))).toBe(TITLE)

        const published = publishAnswered(articleId)
        await page.getByRole('button', { name: 'Publish changes' }).click()
        await published
        await eventually('the new title to be published', async () => {
          const published = await api(`/articles/${articleId}?depth=0`)
          // The slug was made once, from the first title: a live address never changes by accident.
          expect(published.body).toMatchObject({ _status: 'published', title: NEW_TITLE, slug: articleSlug })
        })
        const live = await publicPage(articleSlug)
        expect(live.status).toBe(200)
        expect(text(live.doc.querySelector('h1'))).toBe(NEW_TITLE)
      }),
    FLOW_TIMEOUT,
  )

  it(
    'schedules another article a few seconds ahead; it goes live with no outside trigger',
    () =>
      browser.step('schedule', async () => {
        // The second article starts as a complete draft written through REST: this step is about
        // the schedule, which is set in the admin's "Schedule Publish" drawer.
        const response = await api('/articles?draft=true', {
          method: 'POST',
          token,
          body: JSON.stringify({
            title: SCHEDULED_TITLE,
            excerpt: 'A short routine to settle the body before sleep.',
            content: lexicalParagraph('Dim the lights and roll your shoulders slowly ten times.'),
            author: janetId,
            _status: 'draft',
          }),
        })
        expect(response.status).toBe(201)
        const scheduled = response.body.doc as { id: string; slug: string }
        expect((await publicPage(scheduled.slug)).status).toBe(404)

        await page.goto(`/admin/collections/articles/${scheduled.id}`)
        await page.waitForLoadState('networkidle')
        // The publish button's menu (the chevron beside "Publish changes").
        await page.locator('.doc-controls__controls .popup-button').first().click()
        await page.locator('#schedule-publish').click()
        const drawer = page.locator('.schedule-publish')
        await drawer.getByRole('heading', { name: /Schedule publish for/ }).waitFor()

        // The drawer defaults to "Unpublish" for a document with no newer draft: choose Publish.
        await drawer.locator('.radio-input__label', { hasText: /^Publish$/ }).click()
        await expect(drawer.getByLabel('Publish', { exact: true }).isChecked()).resolves.toBe(true)

        // The picker has minute precision: the next whole minute at least 15 s away.
        const at = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000)
        await drawer.locator('#time input').fill(pickerText(at))
        await drawer.getByRole('heading', { name: /Schedule publish for/ }).click() // closes the calendar popup
        await drawer.locator('#scheduled-publish-save').click()
        await page.getByText('Scheduled successfully.').waitFor()
        await drawer.getByRole('cell', { name: /^Publish$/ }).first().waitFor()

        // Payload's jobs queue runs inside the server every 10 s: no cron, no request from here.
        const waitMs = at.getTime() - Date.now() + 60_000
        const live = await eventually(
          'the scheduled article to go live',
          async () => {
            const candidate = await publicPage(scheduled.slug)
            expect(candidate.status).toBe(200)
            return candidate
          },
          { timeoutMs: waitMs, intervalMs: 1_000 },
        )
        expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
        expect(text(live.doc.querySelector('h1'))).toBe(SCHEDULED_TITLE)
        console.log(`[e2e] scheduled for ${at.toISOString()}, live ${Math.round((Date.now() - at.getTime()) / 1000)} s after`)
      }),
    FLOW_TIMEOUT,
  )
})
