import { slugify } from '@/lib/paths/slug'
import { ADMIN, adminSession, api, lexicalParagraph } from './auth'
import { get, head, text } from './html'
import { TEST_SITE_URL } from './server'

/**
 * Her first article over HTTP, as the issue tried it: a title and one paragraph, nothing else,
 * published through REST (and GraphQL) by the site's first admin. It is accepted and live at the
 * address of its whole title, on its page, the blog, the feeds and the sitemap, signed with the
 * profile her login writes as (the seeded Janet), described by the opening of its body.
 */
const stamp = Date.now().toString(36)
const TITLE = `Why your shoulders creep up toward your ears ${stamp}`
const SLUG = slugify(TITLE)
const OPENING = 'Stress, long hours at a desk and shallow breathing all pull the shoulders up, and a tight neck follows.'
const BODY = `${OPENING} Here is how to notice it, and what a massage does about it.`

let token: string
let janetId: string
let created: { status: number; body: any }

beforeAll(async () => {
  token = (await adminSession()).token
  janetId = (await api('/authors?where[slug][equals]=janet&depth=0&limit=1')).body.docs[0].id
  created = await api('/articles', {
    method: 'POST',
    token,
    body: JSON.stringify({ title: TITLE, content: lexicalParagraph(BODY), _status: 'published' }),
  })
})

const ldJson = async (pathname: string) =>
  (await get(pathname)).doc.querySelectorAll('script[type="application/ld+json"]').flatMap((script) => JSON.parse(script.rawText)['@graph'] ?? [])

describe('POST /api/articles with only a title, a body and "published"', () => {
  it('answers 201 with the address of the whole title, her profile as author and a summary from the body', () => {
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ title: TITLE, slug: SLUG, _status: 'published', summary: OPENING })
    expect(created.body.doc.author === janetId || created.body.doc.author?.id === janetId).toBe(true)
  })

  it('signs it with Janet: the first admin writes as the seeded profile ("Your author profile")', async () => {
    const me = await api('/users/me?depth=0', { token })
    expect(me.body.user).toMatchObject({ email: ADMIN.email, role: 'admin', author: janetId })
  })

  it('is live at /blog/<slug of the whole title>, described by its body, with her name in the byline', async () => {
    const page = await get(`/blog/${SLUG}`)
    expect(page.status).toBe(200)
    expect(text(page.doc.querySelector('h1'))).toBe(TITLE)
    const { description } = head(page)
    expect(description).toBe(OPENING)
    expect(page.doc.querySelector('head meta[property="og:description"]')?.getAttribute('content')).toBe(OPENING)
    const byline = page.doc.querySelector('a[rel="author"]')
    expect(text(byline)).toContain('Janet')
    expect(byline?.getAttribute('href')).toBe('/authors/janet')

    const posting = (await ldJson(`/blog/${SLUG}`)).find((node: { '@type'?: string }) => node['@type'] === 'MedicalWebPage')?.mainEntity
    expect(posting).toMatchObject({ '@type': 'BlogPosting', headline: TITLE, description: OPENING, author: { name: 'Janet' } })
  })

  it('shows on /blog with the summary from its body as the card text', async () => {
    const blog = await get('/blog')
    const card = blog.doc.querySelectorAll('article.card').find((candidate) => text(candidate.querySelector('.card__title')) === TITLE)
    expect(card).toBeDefined()
    expect(text(card?.querySelector('.card__excerpt'))).toBe(OPENING)
    expect(text(card?.querySelector('.card__meta'))).toContain('Janet')
  })

  it('is in the three feeds, described by its body, and in the sitemap', async () => {
    const url = `${TEST_SITE_URL}/blog/${SLUG}`
    const rss = await get('/feed.xml')
    expect(rss.html).toContain(`<link>${url}</link>`)
    expect(rss.html).toContain(`<description><![CDATA[${OPENING}]]></description>`)
    const atom = await get('/atom.xml')
    expect(atom.html).toContain(`href="${url}"`)
    expect(atom.html).toContain(OPENING)
    const json = JSON.parse((await get('/feed.json')).html) as { items: { url: string; summary?: string }[] }
    expect(json.items.find((item) => item.url === url)?.summary).toBe(OPENING)
    expect((await get('/sitemap.xml')).html).toContain(`<loc>${url}</loc>`)
  })
})

describe('the same through GraphQL', () => {
  it('creates and publishes an article from a title and a body alone', async () => {
    const title = `Breathing out slowly ${stamp}`
    const content = JSON.stringify(lexicalParagraph('A long, slow breath out tells the body that it is safe to let go of tension.'))
    const result = await api('/graphql', {
      method: 'POST',
      token,
      body: JSON.stringify({
        query: `mutation($content: JSON!) { createArticle(data: { title: ${JSON.stringify(title)}, content: $content, _status: published }) { slug summary _status author { slug } } }`,
        variables: { content: JSON.parse(content) },
      }),
    })
    expect(result.body.errors).toBeUndefined()
    expect(result.body.data.createArticle).toEqual({
      slug: slugify(title),
      summary: 'A long, slow breath out tells the body that it is safe to let go of tension.',
      _status: 'published',
      author: { slug: 'janet' },
    })
    expect((await get(`/blog/${slugify(title)}`)).status).toBe(200)
  })
})

describe('what validation remains', () => {
  it('names the field in one clear message: a published article without a body', async () => {
    const refused = await api('/articles', { method: 'POST', token, body: JSON.stringify({ title: `No body yet ${stamp}`, _status: 'published' }) })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toBe('Content is required.')
    expect(refused.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'content', message: 'This field is required.' })])
  })

  it('says so once per field when several are missing, never "This field is required." twice', async () => {
    const refused = await api('/articles', { method: 'POST', token, body: JSON.stringify({ _status: 'published' }) })
    expect(refused.status).toBe(400)
    const message: string = refused.body.errors[0].message
    expect(message).toContain('Title is required.')
    expect(message).toContain('Content is required.')
    expect(message).not.toContain('This field is required.')
  })
})
