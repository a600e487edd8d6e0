import { malformedJsonQuery, rejectMalformedQuery, rejectNonJsonBody } from '../../lib/api/guards'

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
