import { malformedJsonQuery, rejectMalformedQuery, rejectNonJsonBody } from '@/lib/api/guards'
import { isDecodablePath, isOptimizableImageUrl } from '@/lib/paths/canonical'

const ok = async () => new Response('reached Payload')

describe('API guards', () => {
  it('passes bracket-form and valid JSON queries through', () => {
    expect(malformedJsonQuery(new URLSearchParams('where[slug][equals]=janet&limit=5'))).toBeNull()
    expect(malformedJsonQuery(new URLSearchParams({ where: '{"slug":{"equals":"janet"}}' }))).toBeNull()
    expect(malformedJsonQuery(new URLSearchParams(''))).toBeNull()
  })

  it.each(['not json', '{', '{"a":', "{'single':1}"])('names a malformed where=%j', (where) => {
    expect(malformedJsonQuery(new URLSearchParams({ where }))).toMatch(/^The "where" query parameter must be JSON/)
  })

  it('refuses a malformed query with a 400 before Payload sees it', async () => {
    const guarded = rejectMalformedQuery(ok)
    const refused = await guarded(new Request('http://x/api/articles?where=%7Bnope'))
    expect(refused.status).toBe(400)
    expect((await refused.json()).errors[0].message).toMatch(/must be JSON/)
    const passed = await guarded(new Request('http://x/api/articles?where[slug][equals]=a'))
    expect(await passed.text()).toBe('reached Payload')
  })

  it('refuses a GraphQL body that is not JSON, and passes one that is', async () => {
    const guarded = rejectNonJsonBody(ok)
    const refused = await guarded(new Request('http://x/api/graphql', { method: 'POST', body: 'query { x }' }))
    expect(refused.status).toBe(400)
    const passed = await guarded(new Request('http://x/api/graphql', { method: 'POST', body: '{"query":"{ x }"}' }))
    expect(await passed.text()).toBe('reached Payload')
  })
})

describe('addresses the proxy refuses', () => {
  it.each(['/blog/%zz', '/api/%c0%ae%c0%ae/x', '/x/%E2%BF'])('%s does not decode', (path) => {
    expect(isDecodablePath(path)).toBe(false)
  })

  it.each(['/blog/massage', '/blog/caf%C3%A9', '/api/media/file/a%20b.webp'])('%s decodes', (path) => {
    expect(isDecodablePath(path)).toBe(true)
  })

  it('lets the image optimizer resize uploaded media only', () => {
    expect(isOptimizableImageUrl('/api/media/file/hero-1600x900.webp')).toBe(true)
    for (const url of [null, '', '/blog/massage', '/api/articles', '/api/media/file/..%2f..%2fpackage.json', '/api/media/file/%zz', 'https://example.com/x.png']) {
      expect(isOptimizableImageUrl(url)).toBe(false)
    }
  })

  it('refuses a page number Payload cannot count to', () => {
    expect(malformedJsonQuery(new URLSearchParams('page=1e309'))).toMatch(/"page" query parameter must be a whole number/)
    expect(malformedJsonQuery(new URLSearchParams('page=3'))).toBeNull()
  })
})
