import type { Metadata } from 'next'
import { z } from 'zod'

import {
  articleMetadata,
  authorMetadata,
  benefitMetadata,
  benefitsIndexMetadata,
  blogMetadata,
  canonicalUrl,
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_MIN_LENGTH,
  documentTitle,
  homeMetadata,
  pageDescription,
  pageMetadata,
  rootMetadata,
  shareImage,
  TITLE_MAX_LENGTH,
  toDescription,
  topicMetadata,
  truncateAtWord,
} from '@/lib/seo/metadata'
import { absoluteUrl } from '@/lib/paths/urls'
import { routes } from '@/lib/paths/routes'
import { site } from '@/lib/config/site'
import { canonicalUrlShape } from '@/tests/seo-shapes'
import { article, image, janet, practice } from '@/tests/seo-fixtures'

const SUFFIX = ` · ${practice.name}`

/** What every public page's metadata must hold (issue 3). */
const shareImageShape = z.object({ url: z.url(), width: z.literal(1200), height: z.literal(630), alt: z.string().min(1) })
const feedShape = z.array(z.object({ url: z.url(), title: z.string().min(1) })).length(1)
const metadataShape = z
  .object({
    title: z.object({ absolute: z.string().min(1).max(TITLE_MAX_LENGTH).includes(practice.name) }),
    description: z.string().min(DESCRIPTION_MIN_LENGTH).max(DESCRIPTION_MAX_LENGTH),
    alternates: z.object({
      canonical: canonicalUrlShape.refine((url) => url.startsWith(site.url)),
      types: z.object({
        'application/rss+xml': feedShape,
        'application/atom+xml': feedShape,
        'application/feed+json': feedShape,
      }),
    }),
    openGraph: z.object({
      title: z.string().min(1),
      description: z.string().min(DESCRIPTION_MIN_LENGTH).max(DESCRIPTION_MAX_LENGTH),
      url: z.string(),
      siteName: z.literal(practice.name),
      type: z.enum(['website', 'article', 'profile']),
      images: z.tuple([shareImageShape]),
    }),
    twitter: z.object({
      card: z.literal('summary_large_image'),
      title: z.string().min(1),
      description: z.string().min(DESCRIPTION_MIN_LENGTH),
      images: z.tuple([z.object({ url: z.url(), alt: z.string().min(1) })]),
    }),
  })
  .refine((metadata) => metadata.openGraph.url === metadata.alternates.canonical, 'og:url equals the canonical URL')

const og = (metadata: Metadata) => metadata.openGraph as Record<string, unknown> & { images: { url: string; alt: string }[] }
const absoluteTitle = (metadata: Metadata) => (metadata.title as { absolute: string }).absolute

describe('every page type', () => {
  const topic = { name: 'Immune health', slug: 'immune-health', description: 'How massage therapy supports the immune system.' }
  const benefit = { title: 'Reduces stress', slug: 'reduces-stress', summary: 'Lower stress, stronger immunity.' }
  it.each<[string, Metadata, string]>([
    ['home', homeMetadata(practice), routes.home()],
    ['blog', blogMetadata(practice, 1), routes.blog()],
    ['blog page 3', blogMetadata(practice, 3), routes.blog(3)],
    ['benefits', benefitsIndexMetadata(practice), routes.benefits()],
    ['article', articleMetadata(practice, article), routes.article(article.slug)],
    ['benefit', benefitMetadata(practice, benefit), routes.benefit(benefit.slug)],
    ['author', authorMetadata(practice, janet), routes.author('janet')],
    ['topic', topicMetadata(practice, topic), routes.topic(topic.slug)],
    ['search', pageMetadata(practice, { title: 'Search', description: 'Find articles.', path: '/search?q=neck', noindex: true }), '/search'],
  ])('%s has a bounded title, a 50–160 character description, its canonical URL, feeds and share cards', (_name, metadata, path) => {
    const result = metadataShape.safeParse(metadata)
    expect(result.success ? 'valid' : z.prettifyError(result.error)).toBe('valid')
    expect(metadata.alternates?.canonical).toBe(canonicalUrl(path))
  })

  it('titles differ from page to page', () => {
    const titles = [homeMetadata(practice), blogMetadata(practice, 1), blogMetadata(practice, 2), benefitsIndexMetadata(practice), articleMetadata(practice, article), authorMetadata(practice, janet)].map(absoluteTitle)
    expect(new Set(titles).size).toBe(titles.length)
  })
})

describe('documentTitle', () => {
  it('adds the site name to a page title', () => {
    expect(documentTitle(practice, 'Reduces stress')).toBe(`Reduces stress${SUFFIX}`)
  })

  it('cuts a long page title at a word so the whole stays within 70 characters', () => {
    const title = documentTitle(practice, 'Massage therapy and the immune system: what the research says about white blood cells')
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX_LENGTH)
    expect(title).toMatch(/^Massage therapy and the immune system: what( \w+)*…/)
    expect(title.endsWith(SUFFIX)).toBe(true)
  })

  it('keeps a title that already ends with the site name, trimming only its page part', () => {
    expect(documentTitle(practice, `Immune help from massage${SUFFIX}`)).toBe(`Immune help from massage${SUFFIX}`)
    const long = documentTitle(practice, `${'Very long words '.repeat(8)}${SUFFIX}`)
    expect(long.length).toBeLessThanOrEqual(TITLE_MAX_LENGTH)
    expect(long.endsWith(`…${SUFFIX}`)).toBe(true)
  })

  it('keeps the home title, which starts with the site name, cutting only what goes past 70 characters', () => {
    const short = { ...practice, tagline: 'Massage in Springfield' }
    expect(documentTitle(short, `${short.name} · ${short.tagline}`)).toBe(`${short.name} · ${short.tagline}`)
    const long = documentTitle(practice, `${practice.name} · ${practice.tagline}`)
    expect(long).toBe('Janet Doe Massage · Massage therapy for a healthier body and a…')
  })

  it('names whatever practice the settings name: nothing is fixed in code', () => {
    const renamed = { ...practice, name: 'Quiet Hands Studio' }
    expect(documentTitle(renamed, 'Reduces stress')).toBe('Reduces stress · Quiet Hands Studio')
    expect(pageMetadata(renamed, { title: 'Contact', description: 'x', path: '/contact' }).openGraph).toMatchObject({ siteName: 'Quiet Hands Studio' })
    expect(rootMetadata(renamed).applicationName).toBe('Quiet Hands Studio')
  })
})

describe('descriptions', () => {
  it('toDescription keeps short text, collapsing whitespace, and is empty for nothing', () => {
    expect(toDescription('  Massage   helps.\n')).toBe('Massage helps.')
    expect(toDescription(null)).toBe('')
  })

  it('truncateAtWord cuts at a word boundary with an ellipsis, within the limit', () => {
    const long = 'Massage therapy has been shown to have a positive impact on the immune system '.repeat(4)
    const cut = truncateAtWord(long, DESCRIPTION_MAX_LENGTH)
    expect(cut.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH)
    expect(cut.endsWith('…')).toBe(true)
    expect(long).toContain(cut.slice(0, -1))
    expect(cut.slice(0, -1)).toMatch(/[a-z]$/)
  })

  it('uses the first non-empty candidate', () => {
    expect(pageDescription(practice, null, '', article.excerpt, 'later')).toBe(article.excerpt)
  })

  it('follows a too-short description with what the site is about, ending within 50–160', () => {
    const description = pageDescription(practice, 'Lower stress, stronger immunity')
    expect(description.startsWith('Lower stress, stronger immunity. Articles on massage therapy')).toBe(true)
    expect(description.length).toBeGreaterThanOrEqual(DESCRIPTION_MIN_LENGTH)
    expect(description.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH)
  })

  it('falls back to the site description when the page has no text', () => {
    expect(pageDescription(practice, null, undefined, '  ')).toBe(toDescription(practice.description))
  })
})

describe('canonical URLs', () => {
  it('are absolute from SITE_URL, without query string or fragment', () => {
    expect(canonicalUrl('/search?q=neck&page=2')).toBe(`${site.url}/search`)
    expect(canonicalUrl('/blog/x#benefits')).toBe(`${site.url}/blog/x`)
    expect(canonicalUrl('/')).toBe(site.url)
  })

  it('put page 1 of the blog at /blog', () => {
    expect(blogMetadata(practice, 1).alternates?.canonical).toBe(`${site.url}/blog`)
    expect(blogMetadata(practice, 2).alternates?.canonical).toBe(`${site.url}/blog/page/2`)
  })
})

describe('share images', () => {
  it('prefer the first upload with a 1200×630 crop, made absolute', () => {
    expect(shareImage([image('seo'), image('hero')], '/og/x', 'x')).toEqual({
      url: absoluteUrl('/api/media/file/seo-1200x630.webp'),
      width: 1200,
      height: 630,
      alt: 'Photo: seo',
    })
    expect(shareImage([null, 'an-unpopulated-id', image('hero')], '/og/x', 'x').url).toBe(absoluteUrl('/api/media/file/hero-1200x630.webp'))
  })

  it('fall back to the generated card when no upload has a share-sized crop', () => {
    expect(shareImage([image('small', false)], routes.ogImage('benefits', 'reduces-stress'), 'Reduces stress')).toEqual({
      url: absoluteUrl('/og/benefits/reduces-stress'),
      width: 1200,
      height: 630,
      alt: 'Reduces stress',
    })
  })

  it('keep media URLs that are already absolute (cloud storage)', () => {
    const remote = { alt: 'a', sizes: { og: { url: 'https://cdn.example/og.webp', width: 1200, height: 630 } } }
    expect(shareImage([remote], '/og/x', 'x').url).toBe('https://cdn.example/og.webp')
  })

  it('use the generated per-document card for each collection, and the site card for lists', () => {
    const bare = { ...article, heroImage: null }
    expect(og(articleMetadata(practice, bare)).images[0].url).toBe(absoluteUrl(routes.ogImage('articles', article.slug)))
    expect(og(authorMetadata(practice, { ...janet, photo: null })).images[0].url).toBe(absoluteUrl(routes.ogImage('authors', 'janet')))
    expect(og(topicMetadata(practice, { name: 'Stress', slug: 'stress' })).images[0].url).toBe(absoluteUrl(routes.ogImage('topics', 'stress')))
    expect(og(blogMetadata(practice, 1)).images[0].url).toBe(absoluteUrl(routes.ogDefaultImage()))
  })
})

describe('articleMetadata', () => {
  it('describes the article for Open Graph: times, author page, section and tags', () => {
    expect(articleMetadata(practice, article).openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2026-11-20T09:00:00.000Z',
      modifiedTime: '2026-11-25T16:30:00.000Z',
      authors: [`${site.url}/authors/janet`],
      section: 'Immune health',
      tags: ['Immune health', 'Stress'],
    })
  })

  it('uses the SEO fields when set: meta title as written for sharing, meta description and image first', () => {
    const metadata = articleMetadata(practice, {
      ...article,
      meta: { title: `Massage and your immune system${SUFFIX}`, description: 'A custom description for search results, written by the therapist herself.', image: image('seo') },
    })
    expect(absoluteTitle(metadata)).toBe(`Massage and your immune system${SUFFIX}`)
    expect(og(metadata).title).toBe(`Massage and your immune system${SUFFIX}`)
    expect(metadata.twitter).toMatchObject({ title: `Massage and your immune system${SUFFIX}` })
    expect(metadata.description).toBe('A custom description for search results, written by the therapist herself.')
    expect(og(metadata).images[0].url).toBe(absoluteUrl('/api/media/file/seo-1200x630.webp'))
  })

  it('completes a meta title without the site name for <title> but shares it as written', () => {
    const metadata = articleMetadata(practice, { ...article, meta: { title: 'Massage and immunity' } })
    expect(absoluteTitle(metadata)).toBe(`Massage and immunity${SUFFIX}`)
    expect(og(metadata).title).toBe('Massage and immunity')
  })
})

describe('other builders', () => {
  it('an author page is a profile described by the bio', () => {
    const metadata = authorMetadata(practice, janet)
    expect(og(metadata).type).toBe('profile')
    expect(metadata.description).toMatch(/^Janet has helped clients/)
  })

  it('noindex keeps a page out of search indexes while links are followed', () => {
    expect(pageMetadata(practice, { title: 'Search', description: null, path: '/search', noindex: true }).robots).toEqual({ index: false, follow: true })
    expect(blogMetadata(practice, 1).robots).toBeUndefined()
  })

  it('the root layout names the site once in a title template and lists the feeds', () => {
    expect(rootMetadata(practice).title).toEqual({ default: `${practice.name} · ${practice.tagline}`, template: `%s${SUFFIX}` })
    expect(Object.keys(rootMetadata(practice).alternates?.types ?? {})).toEqual(['application/rss+xml', 'application/atom+xml', 'application/feed+json'])
    expect(rootMetadata(practice).icons).toEqual({ icon: { url: '/favicon.svg', type: 'image/svg+xml' } })
  })
})

describe('routes and absolute URLs', () => {
  it('joins paths to SITE_URL with exactly one slash', () => {
    expect(absoluteUrl('/blog')).toBe(`${site.url}/blog`)
    expect(absoluteUrl('blog')).toBe(`${site.url}/blog`)
    expect(site.url.endsWith('/')).toBe(false)
  })
})
