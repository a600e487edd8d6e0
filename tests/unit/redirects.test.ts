import { canonicalPath, isCaseSensitivePath, withoutTrailingSlash } from '@/lib/paths/canonical'
import { isKnownRoutePath } from '@/lib/paths/routes'
import { normaliseRedirectFrom, redirectStatus, redirectTarget } from '@/lib/redirects/resolve'

describe('canonicalPath', () => {
  it.each([
    ['/Blog/Massage-Therapy/', '/blog/massage-therapy'],
    ['/BLOG/', '/blog'],
    ['/blog//', '/blog'],
    ['/', '/'],
    ['//', '/'],
    ['/blog/massage', '/blog/massage'],
    ['/caf%c3%a9/', '/caf%c3%a9'],
    ['/Caf%C3%A9', '/caf%C3%A9'],
    ['/blog/%2e%2e%2fetc', '/blog/%2e%2e%2fetc'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalPath(input)).toBe(expected)
  })

  it('only strips slashes where case matters', () => {
    expect(withoutTrailingSlash('/api/Articles/')).toBe('/api/Articles')
    expect(withoutTrailingSlash('/')).toBe('/')
  })
})

describe('normaliseRedirectFrom', () => {
  it.each([
    ['/old-page', '/old-page'],
    ['old-page', '/old-page'],
    ['/Old-Page/', '/old-page'],
    ['  /old-page  ', '/old-page'],
    ['https://wellpress.test/Old-Page/?utm=x#top', '/old-page'],
    ['http://example.com', '/'],
    ['/old page', '/old%20page'],
    ['/blog/a?x=1', '/blog/a'],
    ['//evil.example/path', '/evil.example/path'],
  ])('%j is stored as %j', (input, expected) => {
    expect(normaliseRedirectFrom(input)).toBe(expected)
  })

  it.each(['', '   ', null, 42])('refuses %j', (input) => {
    expect(normaliseRedirectFrom(input)).toBeNull()
  })
})

describe('isKnownRoutePath', () => {
  it.each([
    '/',
    '/blog',
    '/blog/page/2',
    '/benefits/reduces-stress',
    '/authors/janet',
    '/topics/immune-health',
    '/search',
    '/feed.xml',
    '/atom.xml',
    '/feed.json',
    '/sitemap.xml',
    '/sitemap-articles.xml',
    '/robots.txt',
    '/og/articles/x',
    '/sitemaps/sitemap/0.xml',
    '/_next/static/x.js',
    '/admin',
    '/api/redirects',
    '/favicon.svg',
    '/BLOG/X',
  ])('%s is served by a route of its own', (path) => {
    expect(isKnownRoutePath(path)).toBe(true)
  })

  it.each(['/old-page', '/blogs', '/blog-post', '/apiary', '/administration', '/feed.xml.bak', '/old/blog'])(
    '%s may need a stored redirect',
    (path) => {
      expect(isKnownRoutePath(path)).toBe(false)
    },
  )
})

describe('isCaseSensitivePath', () => {
  it.each(['/api/articles', '/admin/collections/Articles', '/_next/static/A.js', '/favicon.SVG', '/Old.HTML', '/og/articles/Not_A_Slug'])('%s', (path) => {
    expect(isCaseSensitivePath(path)).toBe(true)
  })
  it.each(['/Blog/Post', '/apiary', '/'])('%s is not', (path) => {
    expect(isCaseSensitivePath(path)).toBe(false)
  })
})

describe('redirectTarget', () => {
  it("leads to a referenced document's current path when the read could populate it", () => {
    expect(redirectTarget({ to: { type: 'reference', reference: { relationTo: 'articles', value: { slug: 'new-slug' } } } })).toBe(
      '/blog/new-slug',
    )
    expect(redirectTarget({ to: { type: 'reference', reference: { relationTo: 'topics', value: { slug: 'sleep' } } } })).toBe(
      '/topics/sleep',
    )
  })

  it('leads nowhere when the document is not visible (an unpopulated id, a draft) or unknown', () => {
    expect(redirectTarget({ to: { type: 'reference', reference: { relationTo: 'articles', value: 'some-id' } } })).toBeNull()
    expect(
      redirectTarget({ to: { type: 'reference', reference: { relationTo: 'articles', value: { slug: 'x', _status: 'draft' } } } }),
    ).toBeNull()
    expect(redirectTarget({ to: { type: 'reference', reference: { relationTo: 'users', value: { slug: 'x' } } } })).toBeNull()
    expect(redirectTarget({ to: { type: 'reference', reference: null } })).toBeNull()
    expect(redirectTarget({})).toBeNull()
  })

  it('accepts a custom site path or http(s) URL, nothing else', () => {
    expect(redirectTarget({ to: { type: 'custom', url: '/blog/x' } })).toBe('/blog/x')
    expect(redirectTarget({ to: { type: 'custom', url: 'https://example.com/a' } })).toBe('https://example.com/a')
    expect(redirectTarget({ to: { type: 'custom', url: 'javascript:alert(1)' } })).toBeNull()
    expect(redirectTarget({ to: { type: 'custom', url: '//evil.example' } })).toBeNull()
    expect(redirectTarget({ to: { type: 'custom', url: '' } })).toBeNull()
  })
})

describe('redirectStatus', () => {
  it('keeps 301, and makes everything else the permanent 308 (never a temporary 307)', () => {
    expect(redirectStatus('301')).toBe(301)
    expect(redirectStatus('308')).toBe(308)
    expect(redirectStatus(null)).toBe(308)
  })
})
