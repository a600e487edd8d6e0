import { adminSession, api, lexicalParagraph } from './auth'
import { baseUrl } from './server'

/**
 * Generated share images (app/og): a real 1200×630 PNG for every public document type and the
 * site, and a 404, never a 500 or a picture, for anything that is not public.
 */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

async function fetchImage(pathname: string) {
  const response = await fetch(`${baseUrl()}${pathname}`, { redirect: 'manual' })
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}

/** Width and height from the PNG header: the IHDR chunk always comes first, at bytes 16–23. */
function pngSize(bytes: Buffer) {
  return { ihdr: bytes.subarray(12, 16).toString('ascii'), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe.each([
  '/og/articles/massage-therapy-benefits-on-immune-function',
  '/og/benefits/reduces-stress',
  '/og/authors/janet',
  '/og/topics/immune-health',
  '/og/site/default',
])('%s', (pathname) => {
  it('is a 1200×630 PNG that shared caches may keep', async () => {
    const image = await fetchImage(pathname)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(image.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
    expect(pngSize(image.bytes)).toEqual({ ihdr: 'IHDR', width: 1200, height: 630 })
    expect(image.headers.get('cache-control')).toMatch(/^s-maxage=60, stale-while-revalidate=\d+$/)
    // A blank canvas would compress to almost nothing; the title and fonts make it many KB.
    expect(image.bytes.length).toBeGreaterThan(10_000)
  })
})

describe('addresses without a public document', () => {
  it.each([
    '/og/articles/no-such-article',
    '/og/benefits/no-such-benefit',
    '/og/authors/nobody',
    '/og/topics/no-such-topic',
    '/og/site/other',
    '/og/media/anything',
    '/og/users/janet',
    '/og/articles/Not_A_Slug',
    '/og/articles/a.png',
    `/og/articles/${'x'.repeat(200)}`,
    '/og/articles',
    '/og/articles/massage-therapy-benefits-on-immune-function/extra',
  ])('%s answers 404', async (pathname) => {
    const image = await fetchImage(pathname)
    expect(image.status).toBe(404)
    expect(image.headers.get('content-type')).not.toBe('image/png')
  })

  it('a draft article has no image until it is published', async () => {
    const { token } = await adminSession()
    const authors = await api('/authors?where[slug][equals]=janet&depth=0')
    const title = `Og draft ${Date.now()}`
    const created = await api('/articles?draft=true', {
      method: 'POST',
      token,
      body: JSON.stringify({
        title,
        excerpt: 'A draft whose share image must not exist yet.',
        content: lexicalParagraph('Private draft text.'),
        author: authors.body.docs[0].id,
        topics: [],
        _status: 'draft',
      }),
    })
    expect(created.status).toBe(201)
    expect((await fetchImage(`/og/articles/${created.body.doc.slug}`)).status).toBe(404)
  })
})
