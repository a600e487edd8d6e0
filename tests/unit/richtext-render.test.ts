import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { parse } from 'node-html-parser'

import { RichText } from '@/components/RichText'
import { TableOfContents } from '@/components/TableOfContents'
import { tableOfContents } from '@/lib/richtext/headings'
import { editorState, internalLink, paragraphOf, text } from '@/lib/richtext/lexical'
import { EVERY_NODE_TEXT as T, everyNodeDocument } from '@/tests/richtext-fixture'

const image = {
  id: 'm1',
  alt: 'Therapist massaging a client’s shoulders',
  url: '/api/media/file/shoulders.webp',
  width: 2400,
  height: 1600,
  sizes: {
    card: { url: '/api/media/file/shoulders-640x400.webp', width: 640, height: 400 },
    hero: { url: '/api/media/file/shoulders-1600x1067.webp', width: 1600, height: 1067 },
  },
}

const doc = everyNodeDocument({
  article: { id: 'a2', slug: 'sleep-and-massage', title: 'Sleep' },
  benefit: { id: 'b1', slug: 'reduces-stress', title: 'Reduces stress' },
  image,
})

const render = (data: unknown, blocks = {}) =>
  renderToStaticMarkup(createElement(RichText, { data, blocks, reservedIds: ['increases-circulation'] }))

describe('RichText renders every node the article editor can produce', () => {
  const html = render(doc, { benefitList: () => createElement('ol', { className: 'benefit-list' }, createElement('li', null, 'One')) })
  const root = parse(html)

  it('headings h2–h4, each with a stable id from its text, repeats de-duplicated', () => {
    expect(root.querySelectorAll('h2').map((h) => [h.id, h.text])).toEqual([
      ['why-massage-helps', T.h2],
      ['why-massage-helps-2', T.h2Again],
    ])
    expect(root.querySelector('h3')?.id).toBe('circulation-and-lymph')
    expect(root.querySelector('h4')?.id).toBe('a-note-on-pressure')
  })

  it('bold, italic and strikethrough as semantic tags, no inline styles', () => {
    expect(root.querySelector('strong')?.text).toBe(T.bold)
    expect(root.querySelector('em')?.text).toBe(T.italic)
    expect(root.querySelector('s')?.text).toBe(T.strike)
    expect(html).not.toContain('style=')
  })

  it('a line break inside a paragraph', () => {
    expect(html).toMatch(new RegExp(`\\.<br/>${T.afterBreak}`))
  })

  it('bulleted and numbered lists', () => {
    expect(root.querySelectorAll('ul > li').map((li) => li.text)).toEqual(T.bullets)
    expect(root.querySelectorAll('.prose > ol:not(.benefit-list) > li').map((li) => li.text)).toEqual(T.numbered)
  })

  it('a block quote', () => {
    expect(root.querySelector('blockquote')?.text).toBe(T.quote)
  })

  it('external links, opened in a new tab without giving the page a handle on ours', () => {
    const a = root.querySelectorAll('a').find((link) => link.text === T.external)
    expect(a?.attributes).toEqual({ href: T.externalUrl, target: '_blank', rel: 'noopener noreferrer' })
    expect(root.querySelectorAll('a').find((link) => link.text === T.autolinkUrl)?.getAttribute('href')).toBe(T.autolinkUrl)
  })

  it('internal links to an article and a benefit, at their site paths', () => {
    const href = (label: string) => root.querySelectorAll('a').find((link) => link.text === label)?.getAttribute('href')
    expect(href(T.articleLink)).toBe('/blog/sleep-and-massage')
    expect(href(T.benefitLink)).toBe('/benefits/reduces-stress')
  })

  it('an image with its alt text, intrinsic size, srcset and sizes', () => {
    const img = root.querySelector('img')
    expect(img?.getAttribute('alt')).toBe(image.alt)
    expect(img?.getAttribute('src')).toBe(image.sizes.hero.url)
    expect(img?.getAttribute('width')).toBe('1600')
    expect(img?.getAttribute('height')).toBe('1067')
    // Only candidates with the hero's own crop: never the 16:10 card, which would change its shape.
    expect(img?.getAttribute('srcset')).toBe(`${image.sizes.hero.url} 1600w`)
    expect(img?.getAttribute('sizes')).toMatch(/\d/)
    expect(img?.getAttribute('loading')).toBe('lazy')
  })

  it('a horizontal rule and the benefit-list block where it was placed', () => {
    expect(root.querySelector('hr')).not.toBeNull()
    expect(html.indexOf('<hr')).toBeLessThan(html.indexOf('class="benefit-list"'))
    expect(html.indexOf('class="benefit-list"')).toBeLessThan(html.indexOf('why-massage-helps-2'))
  })

  it('no node is dropped or shown as unknown, and there is no script', () => {
    expect(html).not.toMatch(/unknown node|<script/i)
    for (const words of [T.h2, T.h3, T.h4, T.quote, T.afterBreak, ...T.bullets, ...T.numbered, 'The end.']) {
      expect(root.text).toContain(words)
    }
  })
})

describe('RichText links that cannot be followed', () => {
  it('renders a link to an unreadable document (draft, deleted) as its words, not a dead "#"', () => {
    const html = render(editorState([paragraphOf([internalLink('a draft', 'articles', 'some-id')])]))
    expect(html).toBe('<div class="prose"><p>a draft</p></div>')
  })

  it('drops javascript: URLs', () => {
    const data = editorState([
      paragraphOf([
        text('x '),
        { type: 'link', version: 3, fields: { linkType: 'custom', url: 'javascript:alert(1)' }, children: [text('bad')] },
      ]),
    ])
    expect(render(data)).toBe('<div class="prose"><p>x bad</p></div>')
  })
})

describe('TableOfContents', () => {
  it('links to the h2 and h3 headings by the ids the body gives them, h3 nested under its h2', () => {
    const html = renderToStaticMarkup(createElement(TableOfContents, { entries: tableOfContents(doc) }))
    const nav = parse(html).querySelector('nav')
    expect(nav?.getAttribute('aria-labelledby')).toBe(nav?.querySelector('h2')?.id)
    expect(nav?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      '#why-massage-helps',
      '#circulation-and-lymph',
      '#why-massage-helps-2',
    ])
    expect(nav?.querySelector('ol > li > ol > li > a')?.text).toBe(T.h3)
    const body = parse(render(doc))
    for (const a of nav!.querySelectorAll('a')) expect(body.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull()
  })

  it('is not shown for fewer than two headings', () => {
    expect(renderToStaticMarkup(createElement(TableOfContents, { entries: [{ id: 'a', text: 'A', level: 2 }] }))).toBe('')
  })
})
