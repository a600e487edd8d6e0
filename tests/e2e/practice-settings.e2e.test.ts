import { getAt, text } from '../http/html'
import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from '../http/ownServer'
import { eventually, openBrowser, untilFormReady, type BrowserSession } from './browser'

/**
 * Settings → Practice in a real browser: she renames her practice and changes its tagline in the
 * admin, saves, and the site shows them. On a server of its own: every other file reads the shared
 * server's practice name while this one changes it.
 */
const TIMEOUT = 240_000
const ADMIN = { email: 'settings-owner@example.com', password: 'a-long-password-for-the-settings' }
const NAME = `Still Waters Massage ${Date.now().toString(36)}`
const TAGLINE = 'Unhurried massage by appointment'

let server: OwnServer
let database: ReturnType<typeof temporarySqliteUri>
let browser: BrowserSession

beforeAll(async () => {
  database = temporarySqliteUri()
  server = await startOwnServer(database.uri, { env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } })
  browser = await openBrowser(server.baseUrl)
}, TIMEOUT)

afterAll(async () => {
  await browser?.close()
  stopOwnServer(server)
  database?.cleanup()
})

it(
  'saves the practice settings from the admin, and the next visit of the site shows them',
  async () => {
    const { page } = browser
    await browser.step('log in', async () => {
      await page.goto('/admin')
      await page.waitForURL('**/admin/login**')
      await page.getByLabel('Email').fill(ADMIN.email)
      await page.getByLabel('Password').fill(ADMIN.password)
      await page.getByRole('button', { name: 'Login' }).click()
      await page.waitForURL((url) => url.pathname === '/admin')
    })

    await browser.step('open Settings → Practice from the dashboard checklist', async () => {
      const item = page.getByRole('link', { name: /Name your practice/ })
      await item.first().click()
      await page.waitForURL('**/admin/globals/practice')
      await untilFormReady(page, '#field-name')
    })

    await browser.step('rename the practice and change its tagline, then save', async () => {
      await page.locator('#field-name').fill(NAME)
      await page.locator('#field-tagline').fill(TAGLINE)
      const saved = page.waitForResponse((response) => response.url().includes('/api/globals/practice') && response.request().method() === 'POST')
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      expect((await saved).status()).toBe(200)
    })

    await browser.step('the site shows the new name and tagline', async () => {
      const home = await getAt(server.baseUrl, '/')
      expect(text(home.doc.querySelector('h1'))).toBe(NAME)
      expect(text(home.doc.querySelector('main .lead'))).toBe(TAGLINE)
      expect(text(home.doc.querySelector('header .site-name'))).toBe(NAME)
      await page.goto('/contact')
      await expect(page.title()).resolves.toBe(`Contact · ${NAME}`)
    })

    await browser.step('on a 390 px phone the header stays one row; its menu and search open from "Menu"', async () => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto('/')
      const header = page.locator('header.site-header')
      const name = header.locator('.site-name')
      const book = header.locator('a.button', { hasText: 'Book a session' })
      const menu = header.locator('details.site-menu > summary')
      const boxes = await Promise.all([name, book, menu].map((element) => element.boundingBox()))
      for (const box of boxes) expect(box).not.toBeNull()
      // One row: every item's vertical middle within a few pixels of the name's, the header short.
      const middles = boxes.map((box) => box!.y + box!.height / 2)
      for (const middle of middles) expect(Math.abs(middle - middles[0])).toBeLessThan(6)
      expect((await header.boundingBox())!.height).toBeLessThan(80)
      await expect(header.locator('.site-nav--wide').isVisible()).resolves.toBe(false)
      await expect(header.locator('details.site-menu nav a', { hasText: 'Services' }).isVisible()).resolves.toBe(false)
      await menu.click()
      await expect(header.locator('details.site-menu nav a', { hasText: 'Services' }).isVisible()).resolves.toBe(true)
      await expect(header.locator('details.site-menu input[name="q"]').isVisible()).resolves.toBe(true)
      await page.setViewportSize({ width: 1400, height: 1000 })
    })

    await browser.step('the admin is branded with the new name and the checklist item is ticked off', async () => {
      await page.goto('/admin')
      await eventually('the admin title to name the practice', async () => {
        await expect(page.title()).resolves.toContain(`${NAME} admin`)
      })
      const item = page.locator('li[data-checklist-item="practice-name"]')
      await expect(item.getAttribute('data-done')).resolves.toBe('true')
      await expect(item.textContent()).resolves.toContain(NAME)
    })
  },
  TIMEOUT,
)
