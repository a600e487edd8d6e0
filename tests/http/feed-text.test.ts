import { xml2js } from 'xml-js'

import { adminSession, api, createArticle } from './auth'
import { baseUrl } from './server'

/**
 * Text typed into an article's title and excerpt, as the three feeds deliver it: never as markup
 * where feed readers expect HTML (RSS <description>, Atom's type="html" fields), exactly as typed
 * where they expect plain text, and never breaking the XML around it.
 */
const RUN = Date.now().toString(36)
const title = `5 < 6 & more <img src=x onerror=alert(1)> ${RUN} ]]><evil/>`
const excerpt = `Pressure 5 < 6 & more: <script>alert(1)</script> ${RUN}`

let article: { id: string; slug: string }

beforeAll(async () => {
  article = await createArticle({ title, excerpt, body: `Feed text ${RUN}.`, status: 'published' })
})

afterAll(async () => {
  const { token } = await adminSession()
  if (article) await api(`/articles/${article.id}`, { method: 'DELETE', token })
})

const fetchText = async (pathname: string) => {
  const response = await fetch(`${baseUrl()}${pathname}`)
  expect(response.status).toBe(200)
  return response.text()
}

/** The text an HTML field shows once a reader renders it; it must hold no markup at all. */
const asHtmlText = (html: string) => {
  expect(html).not.toMatch(/[<>]/)
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}
const ours = <T extends { link?: unknown; id?: unknown }>(entries: T | T[]) =>
  (Array.isArray(entries) ? entries : [entries]).find((entry) => JSON.stringify(entry).includes(article.slug)) as T

type Xml = { _text?: string; _cdata?: string; _attributes?: Record<string, string> }

it('RSS: a plain-text title, an escaped description, well-formed XML', async () => {
  const xml = await fetchText('/feed.xml')
  const parsed = xml2js(xml, { compact: true }) as { rss: { channel: { item: Record<string, Xml>[] } } }
  const item = ours(parsed.rss.channel.item)
  expect(Object.keys(item)).not.toContain('evil')
  expect((item.title._cdata as string).replace(/\u200b/g, '')).toBe(title)
  expect(asHtmlText(item.description._cdata as string)).toBe(excerpt)
})

it('Atom: title and summary (type="html") escaped', async () => {
  const xml = await fetchText('/atom.xml')
  const parsed = xml2js(xml, { compact: true }) as { feed: { entry: Record<string, Xml>[] } }
  const entry = ours(parsed.feed.entry)
  expect(Object.keys(entry)).not.toContain('evil')
  expect(entry.title._attributes?.type).toBe('html')
  expect(asHtmlText(entry.title._cdata as string)).toBe(title)
  expect(asHtmlText(entry.summary._cdata as string)).toBe(excerpt)
})

it('JSON Feed: title and summary as typed (plain text by the spec)', async () => {
  const feed = JSON.parse(await fetchText('/feed.json')) as { items: { url: string; title: string; summary: string }[] }
  const item = feed.items.find((entry) => entry.url.endsWith(`/blog/${article.slug}`))
  expect(item).toMatchObject({ title, summary: excerpt })
})
