import type { HTMLElement } from 'node-html-parser'

import { type Account, adminSession, api, lexicalParagraph, ownAccount } from './auth'
import { get, text, type Page } from './html'

/**
 * The branded admin as the server renders it: the dashboard's "Write a new article", the newest
 * drafts and the most recently published articles for a logged-in user, the site's name, mark and
 * favicon, and nothing private for a visitor who is not logged in.
 *
 * Both lists show only the newest eight, and other files write and publish at the same time: each
 * check writes its own article right before loading the dashboard, and in the unlikely case eight
 * newer ones landed in between, writes another and looks again.
 */
const RUN = Date.now().toString(36)
let writer: Account
const written: string[] = []

/** The dashboard as the writer's browser gets it: the login cookie, on a same-origin navigation. */
const dashboard = (cookie = writer.cookie) => get('/admin', { headers: { cookie, 'sec-fetch-site': 'same-origin' } })

/** The links of the dashboard panel headed `heading` (empty when there is no such panel). */
function panelLinks(page: Page, heading: string): HTMLElement[] {
  const title = page.doc.querySelectorAll('section[aria-label="Writing desk"] h2').find((h2) => text(h2) === heading)
  return title?.parentNode?.querySelectorAll('li a') ?? []
}

async function writeArticle(status: 'draft' | 'published'): Promise<{ id: string; title: string }> {
  const { token } = await adminSession()
  const janetId = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0].id
  const title = `Dashboard ${status} ${RUN} ${written.length + 1}`
  const created = await api(status === 'draft' ? '/articles?draft=true' : '/articles', {
    method: 'POST',
    token,
    body: JSON.stringify({ title, excerpt: 'Still writing.', content: lexicalParagraph('Half a thought.'), author: janetId, _status: status }),
  })
  expect(created.status).toBe(201)
  written.push(created.body.doc.id)
  return { id: created.body.doc.id, title }
}

/** Writes an article and loads the dashboard until the panel lists it (at most five tries). */
async function dashboardListing(heading: string, status: 'draft' | 'published') {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const article = await writeArticle(status)
    const page = await dashboard()
    expect(page.status).toBe(200)
    const link = panelLinks(page, heading).find((candidate) => text(candidate) === article.title)
    if (link) return { page, article, link }
  }
  throw new Error(`"${heading}" never listed an article written just before the dashboard was loaded`)
}

beforeAll(async () => {
  writer = await ownAccount()
})

afterAll(async () => {
  const { token } = await adminSession()
  for (const id of written) await api(`/articles/${id}`, { method: 'DELETE', token })
})

describe('admin dashboard', () => {
  it('starts with "Write a new article" and lists the draft just written, linking to its editor', async () => {
    const { page, article, link } = await dashboardListing('Your drafts', 'draft')
    const write = page.doc.querySelectorAll('a').find((candidate) => text(candidate) === 'Write a new article')
    expect(write?.getAttribute('href')).toBe('/admin/collections/articles/create')
    expect(link.getAttribute('href')).toBe(`/admin/collections/articles/${article.id}`)
    expect(panelLinks(page, 'Recently published').map(text)).not.toContain(article.title)
  })

  it('lists an article just published under "Recently published", not among the drafts', async () => {
    const { page, article, link } = await dashboardListing('Recently published', 'published')
    expect(link.getAttribute('href')).toBe(`/admin/collections/articles/${article.id}`)
    expect(panelLinks(page, 'Your drafts').map(text)).not.toContain(article.title)
  })

  it('carries her practice’s name (the seeded placeholder here), the mark and favicon, and never the product’s name', async () => {
    const page = await dashboard()
    expect(page.doc.querySelector('head title')?.textContent).toContain('· Your Practice Name admin')
    expect(page.doc.querySelector('head link[rel="icon"][href="/favicon.svg"]')).not.toBeNull()
    expect(page.doc.querySelector('[role="img"][aria-label="Your Practice Name"] svg circle')?.getAttribute('fill')).toBe('#2f5d50')
    expect(text(page.doc)).not.toMatch(/wellpress/i)

    const login = await get('/admin/login')
    expect(login.status).toBe(200)
    expect(text(login.doc)).toContain('Your Practice Name')
    expect(login.doc.querySelector('head title')?.textContent).not.toMatch(/wellpress/i)
    expect(login.html).toContain('#2f5d50')
  })

  it('shows a visitor who is not logged in no drafts', async () => {
    const { article } = await dashboardListing('Your drafts', 'draft')
    const page = await get('/admin')
    expect(page.html).not.toContain(article.title)
    expect(page.html).not.toContain('Write a new article')
  })
})
