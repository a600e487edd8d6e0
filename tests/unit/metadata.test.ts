import { absoluteUrl, routes, site } from '../../lib/site'
import { DESCRIPTION_MAX_LENGTH, pageMetadata, rootMetadata, toDescription } from '../../lib/seo/metadata'

describe('toDescription', () => {
  it('keeps short text, collapsing whitespace', () => {
    expect(toDescription('  Massage   helps.\n')).toBe('Massage helps.')
  })

  it('cuts long text at a word boundary with an ellipsis, within the limit', () => {
    const long = 'Massage therapy has been shown to have a positive impact on the immune system '.repeat(4)
    const description = toDescription(long)
    expect(description.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH)
    expect(description.endsWith('…')).toBe(true)
    expect(long).toContain(description.slice(0, -1))
    expect(description.slice(0, -1)).toMatch(/[a-z]$/)
  })

  it('returns an empty string for nothing', () => {
    expect(toDescription(null)).toBe('')
    expect(toDescription(undefined)).toBe('')
  })
})

describe('pageMetadata', () => {
  it('builds title, description, canonical and Open Graph from one input', () => {
    const metadata = pageMetadata({ title: 'Reduces stress', description: 'Lower stress, stronger immunity.', path: routes.benefit('reduces-stress') })
    expect(metadata).toMatchObject({
      title: 'Reduces stress',
      description: 'Lower stress, stronger immunity.',
      alternates: { canonical: `${site.url}/benefits/reduces-stress` },
      openGraph: { title: 'Reduces stress', url: `${site.url}/benefits/reduces-stress`, siteName: site.name, type: 'website' },
    })
  })

  it('falls back to the site description when the page has none', () => {
    expect(pageMetadata({ title: 'x', description: '', path: '/' }).description).toBe(toDescription(site.description))
  })

  it('uses the site name in one title template', () => {
    expect(rootMetadata.title).toEqual({ default: `${site.name} · ${site.tagline}`, template: `%s · ${site.name}` })
  })
})

describe('routes and absolute URLs', () => {
  it('puts page 1 of the blog at /blog', () => {
    expect(routes.blog(1)).toBe('/blog')
    expect(routes.blog(3)).toBe('/blog/page/3')
  })

  it('joins paths to SITE_URL with exactly one slash', () => {
    expect(absoluteUrl('/blog')).toBe(`${site.url}/blog`)
    expect(absoluteUrl('blog')).toBe(`${site.url}/blog`)
    expect(site.url.endsWith('/')).toBe(false)
  })
})
