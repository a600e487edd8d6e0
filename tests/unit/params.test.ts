import { pageParams, parseParams, slugParams } from '@/lib/paths/params'

describe('route params', () => {
  it('accepts well-formed slugs', async () => {
    await expect(parseParams(slugParams, Promise.resolve({ slug: 'massage-therapy-benefits-on-immune-function' }))).resolves.toEqual({
      slug: 'massage-therapy-benefits-on-immune-function',
    })
  })

  it.each(['Janet', '%2e%2e', '../admin', 'a b', '', 'x'.repeat(200), 'trailing-'])('turns slug %j into null (a 404)', async (slug) => {
    await expect(parseParams(slugParams, Promise.resolve({ slug }))).resolves.toBeNull()
  })

  it.each([
    ['2', 2],
    ['17', 17],
  ])('reads page %j as %d', async (page, expected) => {
    await expect(parseParams(pageParams, Promise.resolve({ page }))).resolves.toEqual({ page: expected })
  })

  it.each(['0', '01', '-1', '1.5', '1e3', 'two', '', '9999999', ' 2'])('turns page %j into null (a 404)', async (page) => {
    await expect(parseParams(pageParams, Promise.resolve({ page }))).resolves.toBeNull()
  })
})
