import type { Graph } from 'schema-dts'

import { breadcrumbTrails } from '@/lib/seo/breadcrumbs'
import {
  articlePageGraph,
  benefitPageGraph,
  benefitsIndexGraph,
  blogPageGraph,
  breadcrumbListNode,
  HEADLINE_MAX_LENGTH,
  homePageGraph,
  jsonLdIds,
  personNode,
  profilePageGraph,
  serializeJsonLd,
  topicPageGraph,
} from '@/lib/seo/jsonld'
import { absoluteUrl } from '@/lib/paths/urls'
import { site } from '@/lib/config/site'
import { article, benefits, janet, practice, reviewer } from '@/tests/seo-fixtures'
import { graphProblems, nodeOfType, type JsonLdNode } from '@/tests/seo-shapes'

type Node = JsonLdNode & Record<string, any>
const only = (graph: Graph, type: string): Node => {
  const nodes = nodeOfType<Node>(graph, type)
  expect(nodes).toHaveLength(1)
  return nodes[0]
}

const topic = { name: 'Immune health', slug: 'immune-health', description: 'How massage therapy supports the immune system.' }
const benefit = { title: 'Reduces stress', slug: 'reduces-stress', summary: 'Lower stress, stronger immunity.' }

describe('every page graph', () => {
  it.each<[string, Graph]>([
    ['home', homePageGraph(practice)],
    ['article', articlePageGraph(practice, article, breadcrumbTrails.article(article))],
    ['reviewed article', articlePageGraph(practice, { ...article, reviewedBy: reviewer, lastReviewedAt: '2026-11-26T00:00:00.000Z' }, breadcrumbTrails.article(article))],
    ['blog', blogPageGraph(practice, 1, [article], breadcrumbTrails.blog(1))],
    ['blog page 2', blogPageGraph(practice, 2, [article], breadcrumbTrails.blog(2))],
    ['benefits', benefitsIndexGraph(practice, benefits, breadcrumbTrails.benefits())],
    ['benefit', benefitPageGraph(practice, benefit, breadcrumbTrails.benefit(benefit))],
    ['author', profilePageGraph(practice, janet, breadcrumbTrails.author(janet))],
    ['topic', topicPageGraph(practice, topic, [article], breadcrumbTrails.topic(topic))],
  ])('%s: every node has what search engines require, and every @id reference resolves', (_name, graph) => {
    expect(graphProblems(graph)).toEqual([])
  })

  it('are held to schemas strict enough to fail: an over-long headline, no author, a dangling reference', () => {
    const graph = articlePageGraph(practice, article, breadcrumbTrails.article(article)) as unknown as { '@graph': Node[] }
    const page = graph['@graph'].find((node) => node['@type'] === 'MedicalWebPage') as Node
    page.mainEntity = { ...page.mainEntity, headline: 'x'.repeat(111), author: undefined }
    page.isPartOf = { '@id': `${site.url}/#elsewhere` }
    const problems = graphProblems(graph).join('\n')
    expect(problems).toMatch(/headline/)
    expect(problems).toMatch(/author/)
    expect(problems).toMatch(/isPartOf/)
  })

  it('name the site and the practice with the same stable ids on every page', () => {
    for (const graph of [homePageGraph(practice), blogPageGraph(practice, 1, [], breadcrumbTrails.blog(1))]) {
      expect(only(graph, 'WebSite')['@id']).toBe(`${site.url}/#website`)
      expect(only(graph, 'HealthAndBeautyBusiness')['@id']).toBe(`${site.url}/#organization`)
    }
  })

  it('give nodes ids made of their page address and a fragment, query strings dropped', () => {
    expect(jsonLdIds.webPage('/')).toBe(`${site.url}/#webpage`)
    expect(jsonLdIds.webPage('/blog/page/2?utm=x')).toBe(`${site.url}/blog/page/2#webpage`)
    expect(jsonLdIds.person('janet')).toBe(`${site.url}/authors/janet#person`)
  })

  it('give the home page no breadcrumb and every other page one', () => {
    expect(nodeOfType(homePageGraph(practice), 'BreadcrumbList')).toHaveLength(0)
    expect(nodeOfType(benefitPageGraph(practice, benefit, breadcrumbTrails.benefit(benefit)), 'BreadcrumbList')).toHaveLength(1)
  })
})

describe('site-wide nodes', () => {
  it('WebSite offers a search box that lands on /search', () => {
    expect(only(homePageGraph(practice), 'WebSite').potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.url}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    })
  })

  it('the practice has a raster logo at an absolute URL (the site card until she uploads a logo)', () => {
    expect(only(homePageGraph(practice), 'HealthAndBeautyBusiness').logo).toMatchObject({ url: absoluteUrl('/og/site/default'), width: '1200', height: '630' })
  })
})

describe('articlePageGraph', () => {
  const graph = articlePageGraph(practice, article, breadcrumbTrails.article(article))
  const page = only(graph, 'MedicalWebPage')
  const posting = page.mainEntity as Node

  it('is a MedicalWebPage whose main entity is the BlogPosting, and back', () => {
    expect(page.url).toBe(`${site.url}/blog/${article.slug}`)
    expect(page.isPartOf).toEqual({ '@id': jsonLdIds.website })
    expect(posting['@type']).toBe('BlogPosting')
    expect(posting.mainEntityOfPage).toEqual({ '@id': page['@id'] })
    expect(posting.publisher).toEqual({ '@id': jsonLdIds.organization })
  })

  it('dates, image, word count, keywords and what it is about', () => {
    expect(posting).toMatchObject({
      headline: article.title,
      datePublished: '2026-11-20T09:00:00.000Z',
      dateModified: '2026-11-25T16:30:00.000Z',
      image: { url: absoluteUrl('/api/media/file/hero-1200x630.webp'), width: '1200' },
      wordCount: 10,
      keywords: ['Immune health', 'Stress'],
      articleSection: 'Immune health',
      about: { '@type': 'MedicalTherapy', name: 'Massage therapy' },
    })
  })

  it('uses the generated share card when the article has no hero image', () => {
    const bare = articlePageGraph(practice, { ...article, heroImage: null }, breadcrumbTrails.article(article))
    expect((only(bare, 'MedicalWebPage').mainEntity as Node).image.url).toBe(absoluteUrl(`/og/articles/${article.slug}`))
  })

  it('cuts a long headline at a word within 110 characters', () => {
    const title = 'Why massage therapy matters for the immune system '.repeat(4).trim()
    const long = articlePageGraph(practice, { ...article, title }, breadcrumbTrails.article({ ...article, title }))
    const headline = (only(long, 'MedicalWebPage').mainEntity as Node).headline as string
    expect(headline.length).toBeLessThanOrEqual(HEADLINE_MAX_LENGTH)
    expect(title.startsWith(headline.slice(0, -1))).toBe(true)
  })

  it('cites the references, with a year and a publisher when known', () => {
    expect(posting.citation).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'Massage and immune function',
        url: 'https://pubmed.example/123',
        publisher: { '@type': 'Organization', name: 'J. Altern. Med.' },
        datePublished: '2010',
      },
      { '@type': 'CreativeWork', name: 'A book without a link' },
    ])
  })

  it('lists the benefits in order, each pointing at its page', () => {
    const list = only(graph, 'ItemList')
    expect(list.itemListElement).toEqual(
      benefits.map((b, index) => ({ '@type': 'ListItem', position: index + 1, name: b.title, url: `${site.url}/benefits/${b.slug}` })),
    )
  })

  it('names a reviewer and review date only when set', () => {
    expect(page.reviewedBy).toBeUndefined()
    expect(page.lastReviewed).toBeUndefined()
    const reviewed = only(articlePageGraph(practice, { ...article, reviewedBy: reviewer, lastReviewedAt: '2026-11-26T00:00:00.000Z' }, []), 'MedicalWebPage')
    expect(reviewed.reviewedBy).toMatchObject({ '@type': 'Person', name: 'Dr. Sam Lee', url: `${site.url}/authors/sam-lee` })
    expect(reviewed.lastReviewed).toBe('2026-11-26T00:00:00.000Z')
  })
})

describe('personNode', () => {
  it('has her page, job title, one credential per comma and her profiles elsewhere', () => {
    expect(personNode(janet)).toMatchObject({
      '@type': 'Person',
      '@id': `${site.url}/authors/janet#person`,
      name: 'Janet',
      url: `${site.url}/authors/janet`,
      jobTitle: 'Licensed Massage Therapist',
      hasCredential: [
        { '@type': 'EducationalOccupationalCredential', name: 'LMT' },
        { '@type': 'EducationalOccupationalCredential', name: 'CMT' },
      ],
      sameAs: ['https://janet-massage.example', 'https://instagram.com/janet.massage'],
      image: absoluteUrl('/api/media/file/janet.webp'),
    })
  })

  it('leaves out what she has not filled in', () => {
    const person = personNode({ name: 'Ana', slug: 'ana', credentials: null, jobTitle: null })
    expect(person).not.toHaveProperty('hasCredential')
    expect(person).not.toHaveProperty('sameAs')
    expect(person).not.toHaveProperty('jobTitle')
  })
})

describe('breadcrumbs', () => {
  it.each([
    ['an article', breadcrumbTrails.article(article), ['Home', 'Articles', article.title]],
    ['a benefit', breadcrumbTrails.benefit(benefit), ['Home', 'Benefits', 'Reduces stress']],
    ['an author', breadcrumbTrails.author(janet), ['Home', 'Janet']],
    ['a topic', breadcrumbTrails.topic(topic), ['Home', 'Immune health']],
    ['blog page 2', breadcrumbTrails.blog(2), ['Home', 'Articles', 'Page 2']],
  ])('the BreadcrumbList of %s follows its visible trail', (_name, trail, names) => {
    const list = breadcrumbListNode(trail)
    const items = list.itemListElement as unknown as { position: number; name: string; item: string }[]
    expect(items.map((item) => item.name)).toEqual(names)
    expect(items.map((item) => item.item)).toEqual(trail.map((crumb) => (crumb.path === '/' ? site.url : absoluteUrl(crumb.path))))
  })
})

describe('list pages', () => {
  it('blog page N is a CollectionPage of its articles, at its own address', () => {
    const graph = blogPageGraph(practice, 2, [article], breadcrumbTrails.blog(2))
    const page = only(graph, 'CollectionPage')
    expect(page.url).toBe(`${site.url}/blog/page/2`)
    expect(page.name).toBe('Articles, page 2')
    expect(only(graph, 'ItemList').itemListElement[0]).toMatchObject({ position: 1, url: `${site.url}/blog/${article.slug}` })
  })

  it('the benefits page lists the benefits in order', () => {
    const names = only(benefitsIndexGraph(practice, benefits, breadcrumbTrails.benefits()), 'ItemList').itemListElement.map((item: Node) => item.name)
    expect(names).toEqual(benefits.map((b) => b.title))
  })

  it('the author page is a ProfilePage about her', () => {
    const page = only(profilePageGraph(practice, janet, breadcrumbTrails.author(janet)), 'ProfilePage')
    expect(page.mainEntity).toMatchObject({ '@type': 'Person', name: 'Janet' })
  })
})

describe('serializeJsonLd', () => {
  it('escapes "<" so admin text cannot close the script, and parses back unchanged', () => {
    const hostile = { ...article, title: 'Massage </script><script>alert(1)</script>' }
    const graph = articlePageGraph(practice, hostile, breadcrumbTrails.article(hostile))
    const json = serializeJsonLd(graph)
    expect(json).not.toContain('<')
    expect(json).toContain('\\u003c/script>')
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(graph)))
  })
})
