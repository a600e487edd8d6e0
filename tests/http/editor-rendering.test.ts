import sharp from 'sharp'

import { MAX_IMAGE_BYTES } from '@/lib/media/imageType'
import { EVERY_NODE_TEXT as T, everyNodeDocument } from '@/tests/richtext-fixture'
import { adminSession, api, lexicalParagraph } from './auth'
import { get, type Page } from './html'
import { baseUrl } from './server'

/**
 * An article using every node the editor can produce, with an image uploaded as the admin does
 * (multipart with a `_payload` JSON field), read on the production server: headings with ids, the
 * table of contents, the reading time, links, the image, and no script from the content. The suite
 * creates its own documents and deletes them at the end.
 */
const RUN = Date.now().toString(36)
const TITLE = `Every node the editor makes ${RUN}`
const created: { collection: string; id: string }[] = []
let token: string
let page: Page
let image: { id: string; url: string; alt: string }
let target: { id: string; slug: string }
let benefit: { id: string; slug: string }

async function upload(file: Blob, name: string, alt: string) {
  const form = new FormData()
  form.append('file', file, name)
  form.append('_payload', JSON.stringify({ alt }))
  const response = await fetch(`${baseUrl()}/api/media`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
  const body = await response.json()
  if (body?.doc?.id) created.push({ collection: 'media', id: body.doc.id })
  return { status: response.status, body }
}

async function create(collection: string, data: Record<string, unknown>) {
  const result = await api(`/${collection}`, { method: 'POST', token, body: JSON.stringify(data) })
  expect(result.status).toBe(201)
  created.push({ collection, id: result.body.doc.id })
  return result.body.doc
}

beforeAll(async () => {
  token = (await adminSession()).token
  const janet = (await api('/authors?where[slug][equals]=janet&depth=0')).body.docs[0]

  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 180, g: 140, b: 110 } } }).png().toBuffer()
  const uploaded = await upload(new Blob([new Uint8Array(png)], { type: 'image/png' }), `stones-${RUN}.png`, 'Warm stones lined up on a massage table')
  expect(uploaded.status).toBe(201)
  image = uploaded.body.doc

  target = await create('articles', { title: `Sleep and massage ${RUN}`, excerpt: 'Sleep.', content: lexicalParagraph('Sleep well.'), author: janet.id, _status: 'published' })
  benefit = await create('benefits', { title: `Calmer breathing ${RUN}`, summary: 'Breathing slows after a session.', order: 90 })

  const article = await create('articles', {
    title: TITLE,
    excerpt: 'An article with one of every kind of content.',
    content: everyNodeDocument({ article: target.id, benefit: benefit.id, image: image.id }),
    author: janet.id,
    benefits: [benefit.id],
    _status: 'published',
  })
  page = await get(`/blog/${article.slug}`)
})

afterAll(async () => {
  for (const { collection, id } of created.reverse()) await api(`/${collection}/${id}`, { method: 'DELETE', token })
})

describe('an article with every kind of content, on its public page', () => {
  it('is served', () => {
    expect(page.status).toBe(200)
  })

  it('gives every heading an id from its text, repeats numbered', () => {
    const body = page.doc.querySelector('article .prose')!
    expect(body.querySelectorAll('h2').map((h) => h.id)).toEqual(['why-massage-helps', 'why-massage-helps-2'])
    expect(body.querySelector('h3')?.id).toBe('circulation-and-lymph')
    expect(body.querySelector('h4')?.id).toBe('a-note-on-pressure')
  })

  it('has a table of contents linking to its h2 and h3 headings, each of which exists', () => {
    const nav = page.doc.querySelector('nav.toc')!
    expect(page.doc.getElementById(nav.getAttribute('aria-labelledby')!)?.text).toBe('In this article')
    const hrefs = nav.querySelectorAll('a').map((a) => a.getAttribute('href')!)
    expect(hrefs).toEqual(['#why-massage-helps', '#circulation-and-lymph', '#why-massage-helps-2'])
    for (const href of hrefs) expect(page.doc.querySelectorAll(`[id="${href.slice(1)}"]`)).toHaveLength(1)
  })

  it('shows its reading time in the header', () => {
    expect(page.doc.querySelector('.article__header .reading-time')?.text).toBe('1 min read')
  })

  it('links internally to the article and benefit pages by their current addresses', () => {
    const href = (label: string) => page.doc.querySelectorAll('article a').find((a) => a.text === label)?.getAttribute('href')
    expect(href(T.articleLink)).toBe(`/blog/${target.slug}`)
    expect(href(T.benefitLink)).toBe(`/benefits/${benefit.slug}`)
    const external = page.doc.querySelectorAll('article a').find((a) => a.text === T.external)
    expect(external?.attributes).toMatchObject({ href: T.externalUrl, target: '_blank', rel: 'noopener noreferrer' })
  })

  it('shows the uploaded image with its alt text, intrinsic size and responsive sources', () => {
    const img = page.doc.querySelector('article .prose img')!
    expect(img.getAttribute('alt')).toBe('Warm stones lined up on a massage table')
    expect(Number(img.getAttribute('width'))).toBeGreaterThan(0)
    expect(Number(img.getAttribute('height'))).toBeGreaterThan(0)
    expect(Number(img.getAttribute('width')) / Number(img.getAttribute('height'))).toBeCloseTo(1.5, 1)
    expect(img.getAttribute('srcset')).toMatch(/ \d+w/)
    expect(img.getAttribute('sizes')).toBeTruthy()
  })

  it('renders lists, emphasis, the quote, the rule and the benefit list', () => {
    const body = page.doc.querySelector('article .prose')!
    expect(body.querySelectorAll('ul > li').map((li) => li.text)).toEqual(T.bullets)
    expect(body.querySelector('blockquote')?.text).toBe(T.quote)
    expect(body.querySelector('strong')?.text).toBe(T.bold)
    expect(body.querySelector('em')?.text).toBe(T.italic)
    expect(body.querySelector('s')?.text).toBe(T.strike)
    expect(body.querySelector('hr')).not.toBeNull()
    expect(body.querySelector('.benefit-list')?.text).toContain(`Calmer breathing ${RUN}`)
  })

  it('adds no script and no inline style from the content', () => {
    const article = page.doc.querySelector('article')!
    expect(article.querySelectorAll('script')).toHaveLength(0)
    expect(article.querySelector('.prose')!.toString()).not.toMatch(/style=|unknown node/)
  })
})

describe('media uploads through REST', () => {
  it('refuses alt text that is a file name, naming the field and what to write', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer()
    const result = await upload(new Blob([new Uint8Array(png)], { type: 'image/png' }), 'IMG_1234.png', 'IMG_1234.png')
    expect(result.status).toBe(400)
    expect(result.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'alt', message: expect.stringMatching(/file name/) })])
    // The admin's toast shows this message: it must say what to do, not only which field.
    expect(result.body.errors[0].message).toMatch(/looks like a file name.*Describe what the image shows/)
  })

  it('refuses a text file renamed .png, saying which formats are accepted', async () => {
    const notes = new TextEncoder().encode('Shoulder massage notes, not an image.\n'.repeat(10))
    const result = await upload(new Blob([notes], { type: 'image/png' }), 'notes.png', 'Notes about shoulder massage')
    expect(result.status).toBe(400)
    expect(result.body.errors[0].message).toMatch(/not a JPEG, PNG, WebP or AVIF image/)
  })

  it('refuses a file over the size limit with a 400 that says what to do', async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1024)
    big.set(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer())
    const result = await upload(new Blob([big], { type: 'image/png' }), 'huge.png', 'A very large photo of a treatment room')
    expect(result.status).toBe(400)
    expect(result.body.errors[0].message).toMatch(/larger than the 10 MB limit\. Save a smaller copy/)
    expect(result.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'file' })])
  })
})
