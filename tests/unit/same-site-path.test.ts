import fc from 'fast-check'

import { sameSitePath } from '@/lib/paths/canonical'
import { redirectTarget } from '@/lib/redirects/resolve'

/**
 * The one judge of redirect targets (lib/paths/canonical.ts sameSitePath): whatever it accepts, a
 * browser resolving it as a Location from a page of this site stays on this site.
 */
const SITE = 'https://wellpress.test'
const HOST = 'wellpress.test'

/** Where a browser on `from` goes for `Location: location` (the WHATWG URL parser, as browsers use). */
const landsOn = (location: string, from = `${SITE}/next/exit-preview`) => new URL(location, from).host

const ATTACKS = [
  '/.//evil.example/login',
  '/..//evil.example/x',
  `http://${HOST}//evil.example`,
  `https://${HOST}/.//evil.example`,
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  ' //evil.example',
  'https://evil.example/login',
  'https:evil.example',
  'https:/evil.example',
  `https://${HOST}@evil.example/`,
  `https://evil.example/${HOST}`,
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%09/evil.example',
]

describe('sameSitePath', () => {
  it.each(ATTACKS)('never leads off the site: %j', (candidate) => {
    const path = sameSitePath(candidate, [HOST])
    if (path !== null) {
      expect(path).toMatch(/^\/(?![/\\])/)
      expect(landsOn(path)).toBe(HOST)
    }
  })

  it('keeps what leads to a page here, with its query, in one canonical spelling', () => {
    expect(sameSitePath('/blog/page/2?x=1', [HOST])).toBe('/blog/page/2?x=1')
    expect(sameSitePath(`${SITE}/topics/immune-health`, [HOST])).toBe('/topics/immune-health')
    expect(sameSitePath('/.//evil.example/login', [HOST])).toBe('/evil.example/login')
    expect(sameSitePath(`http://${HOST}//evil.example`, [HOST])).toBe('/evil.example')
    expect(sameSitePath('blog/x')).toBe('/blog/x')
  })

  it('refuses what leads elsewhere or nowhere', () => {
    for (const candidate of ['//evil.example', 'https://evil.example/x', 'javascript:alert(1)', '/\t/evil.example', '', '  ', null, 42, 'http://[']) {
      expect(sameSitePath(candidate, [HOST])).toBeNull()
    }
    // An absolute URL on this site's host counts only when the host is known to be this site's.
    expect(sameSitePath(`${SITE}/blog`)).toBeNull()
  })

  it('whatever the input, accepts only paths that stay on the site', () => {
    const pieces = fc.constantFrom('/', '//', '\\', '.', '..', '%2F', '%5C', '@', ':', '?', '#', 'evil.example', HOST, 'http:', 'https:', '\t', ' ', 'x')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join('')), (candidate) => {
        const path = sameSitePath(candidate, [HOST])
        return path === null || (/^\/(?![/\\])/.test(path) && landsOn(path) === HOST)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('stored redirects', () => {
  const custom = (url: string) => redirectTarget({ to: { type: 'custom', url } })

  it('lead to a path here, or to an absolute URL the therapist chose', () => {
    expect(custom('/blog/new')).toBe('/blog/new')
    expect(custom('https://booking.example/janet')).toBe('https://booking.example/janet')
  })

  it.each(['//evil.example', '/\\evil.example', '/.//evil.example', 'javascript:alert(1)', 'https:evil.example'])(
    'never lead off the site by a trick: %j',
    (url) => {
      const target = custom(url)
      if (target !== null) expect(landsOn(target)).toBe(HOST)
    },
  )
})
