import { adminSession, api, createArticle } from './auth'
import { baseUrl } from './server'

/**
 * Share images are drawn once and then served from Next's cache like the pages: a query string
 * cannot ask for a new drawing, and a change to what the image shows purges it (the same tags as
 * the document's page). Uses its own article.
 */
const RUN = Date.now().toString(36)

/** Served from Next's cache, not drawn: HIT, or STALE past the minute (then redrawn in the background). */
const FROM_CACHE = ['HIT', 'STALE']

async function image(pathname: string) {
  const response = await fetch(`${baseUrl()}${pathname}`)
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), bytes: Buffer.from(await response.arrayBuffer()) }
}

it('ignores query strings: the second address with another one is served from the cache', async () => {
  const first = await image(`/og/site/default?x=${RUN}-1`)
  expect(first.status).toBe(200)
  const second = await image(`/og/site/default?x=${RUN}-2`)
  expect(FROM_CACHE).toContain(second.cache)
  expect(second.bytes.equals(first.bytes)).toBe(true)
})

it('is purged with its page: published, it appears; retitled, it is drawn anew', async () => {
  const { token } = await adminSession()
  const article = await createArticle({ title: `Share image ${RUN}`, excerpt: 'An article whose share image changes.', body: 'Words.', status: 'draft' })
  try {
    const path = `/og/articles/${article.slug}`
    expect((await image(path)).status).toBe(404)
    expect((await api(`/articles/${article.id}`, { method: 'PATCH', token, body: JSON.stringify({ _status: 'published' }) })).status).toBe(200)
    const published = await image(path)
    expect(published.status).toBe(200)
    expect(FROM_CACHE).toContain((await image(`${path}?again`)).cache)
    expect((await api(`/articles/${article.id}`, { method: 'PATCH', token, body: JSON.stringify({ title: `Share image renamed ${RUN}` }) })).status).toBe(200)
    const renamed = await image(path)
    expect(renamed.status).toBe(200)
    expect(renamed.bytes.equals(published.bytes)).toBe(false)
  } finally {
    await api(`/articles/${article.id}`, { method: 'DELETE', token })
  }
})
