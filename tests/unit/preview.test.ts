import { ARTICLES, BENEFITS, MEDIA, TOPICS } from '@/lib/collections'
import {
  EXIT_PREVIEW_PATH,
  exitPreviewTarget,
  LIVE_PREVIEW_BREAKPOINTS,
  livePreviewUrl,
  PREVIEW_PATH,
  previewButtonUrl,
  previewParams,
  previewUrl,
} from '@/lib/paths/preview'
import { buildRobots, DRAFT_PREVIEW_PATHS } from '@/lib/seo/robots'

const ID = '0b7a4a1e-3c1d-4f0a-9d55-8a0e2f6c1b2a'
const SITE = 'https://wellpress.test'
const HOST = 'wellpress.test'

describe('the preview URL the admin opens', () => {
  it('is a site-relative URL of the preview route with the collection, id and slug', () => {
    const url = previewUrl(ARTICLES, { id: ID, slug: 'my-draft' })
    expect(url).toBe(`/next/preview?collection=articles&id=${ID}&slug=my-draft`)
    const parsed = new URL(url as string, SITE)
    expect(parsed.pathname).toBe(PREVIEW_PATH)
    expect(previewParams.parse(Object.fromEntries(parsed.searchParams))).toEqual({ collection: ARTICLES, id: ID, slug: 'my-draft' })
  })

  it('leaves the slug out while the document has none, and accepts MongoDB ids', () => {
    expect(previewUrl(BENEFITS, { id: '65f1c2a9b3e4d5f6a7b8c9d0', slug: '' })).toBe(
      '/next/preview?collection=benefits&id=65f1c2a9b3e4d5f6a7b8c9d0',
    )
  })

  it('is null for a document that has not been saved yet, or has an unusable id or slug', () => {
    expect(previewUrl(ARTICLES, {})).toBeNull()
    expect(previewUrl(ARTICLES, { id: '../../admin', slug: 'x' })).toBeNull()
    expect(previewUrl(ARTICLES, { id: ID, slug: 'Not A Slug' })).toBeNull()
  })

  it('is a path robots.txt keeps crawlers out of', () => {
    expect(DRAFT_PREVIEW_PATHS).toContain(PREVIEW_PATH)
    expect(buildRobots().rules).toEqual([expect.objectContaining({ disallow: expect.arrayContaining([PREVIEW_PATH]) })])
  })

  it('backs the Preview button of each page collection', () => {
    expect(previewButtonUrl(TOPICS)({ id: ID, slug: 'immune-health' })).toBe(`/next/preview?collection=topics&id=${ID}&slug=immune-health`)
  })
})

describe('the Live Preview pane', () => {
  it('opens the preview route for the document being edited', () => {
    const url = livePreviewUrl({ collectionConfig: { slug: ARTICLES }, data: { id: ID, slug: 'massage-and-sleep', title: 'x' } })
    expect(url).toBe(`/next/preview?collection=articles&id=${ID}&slug=massage-and-sleep`)
  })

  it('changes its URL when the slug changes, so the pane follows a renamed draft', () => {
    const before = livePreviewUrl({ collectionConfig: { slug: ARTICLES }, data: { id: ID, slug: 'old-name' } })
    const after = livePreviewUrl({ collectionConfig: { slug: ARTICLES }, data: { id: ID, slug: 'new-name' } })
    expect(before).not.toBe(after)
  })

  it('has no URL for collections without a page (media)', () => {
    expect(livePreviewUrl({ collectionConfig: { slug: MEDIA }, data: { id: ID } })).toBeNull()
    expect(livePreviewUrl({ data: { id: ID } })).toBeNull()
  })

  it('offers mobile, tablet and desktop sizes', () => {
    expect(LIVE_PREVIEW_BREAKPOINTS.map(({ label, width, height }) => `${label} ${width}×${height}`)).toEqual([
      'Mobile 375×667',
      'Tablet 768×1024',
      'Desktop 1440×900',
    ])
  })
})

describe('the preview route parameters', () => {
  it.each([
    [{ collection: 'users', id: ID }],
    [{ collection: 'media', id: ID }],
    [{ collection: ARTICLES }],
    [{ collection: ARTICLES, id: '' }],
    [{ collection: ARTICLES, id: `${ID}; drop table` }],
    [{ collection: ARTICLES, id: 'x'.repeat(65) }],
  ])('refuses %j', (params) => {
    expect(previewParams.safeParse(params).success).toBe(false)
  })
})

describe('leaving the preview', () => {
  it('returns to the page it was on', () => {
    expect(exitPreviewTarget(`${SITE}/blog/my-draft`, [HOST])).toBe('/blog/my-draft')
    expect(exitPreviewTarget('/blog/page/2?x=1', [HOST])).toBe('/blog/page/2?x=1')
  })

  it('accepts any of the site’s own hosts (the request’s, and SITE_URL’s behind a proxy), on either scheme', () => {
    const hosts = ['127.0.0.1:3000', HOST]
    expect(exitPreviewTarget('http://127.0.0.1:3000/topics/immune-health', hosts)).toBe('/topics/immune-health')
    expect(exitPreviewTarget(`${SITE}/topics/immune-health`, hosts)).toBe('/topics/immune-health')
    expect(exitPreviewTarget('/benefits', [null, HOST])).toBe('/benefits')
  })

  it.each(['/.//evil.example/login', '/..//evil.example/x', 'http://wellpress.test//evil.example', 'https://wellpress.test/.//evil.example'])(
    'stays on the site for a path that normalises to two slashes: %j',
    (candidate) => {
      const target = exitPreviewTarget(candidate, [HOST])
      expect(target).toMatch(/^\/(?![/\\])/)
      expect(new URL(target, `${SITE}/next/exit-preview`).host).toBe(HOST)
    },
  )

  it('knowing no host of its own, still returns to a path, but never to an absolute URL', () => {
    expect(exitPreviewTarget('/benefits', [null, undefined])).toBe('/benefits')
    expect(exitPreviewTarget('https://wellpress.test/benefits', [null, undefined])).toBe('/')
  })

  it.each([
    ['another site', 'https://evil.example/phish'],
    ['a protocol-relative URL', '//evil.example/phish'],
    ['a backslash trick', '/\\evil.example/phish'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['the same host on another port', 'https://wellpress.test:8443/blog'],
    ['the preview route (it would turn draft mode back on)', `${SITE}${PREVIEW_PATH}?collection=articles&id=${ID}`],
    ['the exit route itself', EXIT_PREVIEW_PATH],
    ['nothing', null],
    ['garbage', 'http://['],
  ])('goes home instead of to %s', (_label, candidate) => {
    expect(exitPreviewTarget(candidate, [HOST])).toBe('/')
  })
})
