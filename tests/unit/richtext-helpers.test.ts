import { headingIds, nodeText, tableOfContents } from '@/lib/richtext/headings'
import { editorState, heading, paragraph, paragraphOf, text, type LexicalNode } from '@/lib/richtext/lexical'
import { internalLinkPath, linkHref, newTabAttributes, safeCustomUrl } from '@/lib/richtext/links'
import { readingMinutes, readingTimeLabel, wordCount, WORDS_PER_MINUTE } from '@/lib/richtext/readingTime'

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

describe('headingIds', () => {
  it('slugifies heading text, numbering repeats and avoiding reserved ids', () => {
    const state = editorState([heading('Why it matters'), heading('Why it matters', 'h3'), heading('Reduces stress'), heading('!!!')])
    const ids = [...headingIds(state, ['reduces-stress']).values()]
    expect(ids).toEqual(['why-it-matters', 'why-it-matters-2', 'reduces-stress-2', 'section'])
  })

  it('is stable: the same document always gets the same ids', () => {
    const state = editorState([heading('A'), heading('A')])
    expect([...headingIds(state).values()]).toEqual([...headingIds(state).values()])
  })

  it('reads text through inline nodes (links, formatting)', () => {
    const node: LexicalNode = { type: 'heading', tag: 'h2', version: 1, children: [text('Sleep '), { type: 'link', version: 3, children: [text('better')] }] }
    expect(nodeText(node)).toBe('Sleep better')
    expect([...headingIds(editorState([node])).values()]).toEqual(['sleep-better'])
  })
})

describe('tableOfContents', () => {
  it('lists h2 and h3 in order with their levels, leaving out h4 but keeping its id out of reach', () => {
    const state = editorState([heading('One'), heading('Detail', 'h4'), heading('Two', 'h3'), paragraph('x'), heading('Detail')])
    expect(tableOfContents(state)).toEqual([
      { id: 'one', text: 'One', level: 2 },
      { id: 'two', text: 'Two', level: 3 },
      { id: 'detail-2', text: 'Detail', level: 2 },
    ])
  })

  it('is empty for content without headings or no content at all', () => {
    expect(tableOfContents(editorState([paragraph('Just text.')]))).toEqual([])
    expect(tableOfContents(null)).toEqual([])
  })
})

describe('reading time', () => {
  it('counts words, not punctuation', () => {
    expect(wordCount('Massage – it helps. 2 times!')).toBe(5)
  })

  it(`rounds up at ${WORDS_PER_MINUTE} words a minute, at least one minute`, () => {
    expect(readingMinutes(editorState([paragraph('Short.')]))).toBe(1)
    expect(readingMinutes(editorState([paragraph(words(WORDS_PER_MINUTE))]))).toBe(1)
    expect(readingMinutes(editorState([paragraph(words(WORDS_PER_MINUTE + 1))]))).toBe(2)
    expect(readingMinutes(editorState([heading(words(100)), paragraph(words(780))]))).toBe(4)
  })

  it('adds text shown beside the body (the benefit list)', () => {
    expect(readingMinutes(editorState([paragraph(words(200))]), words(100))).toBe(2)
  })

  it('labels minutes, and nothing for an empty document', () => {
    expect(readingTimeLabel(4)).toBe('4 min read')
    expect(readingMinutes(editorState([]))).toBe(0)
    expect(readingTimeLabel(0)).toBe('')
  })
})

describe('rich-text links', () => {
  it('resolves internal links to the linked page, or null when the document is not readable', () => {
    expect(internalLinkPath({ linkType: 'internal', doc: { relationTo: 'articles', value: { slug: 'sleep' } } })).toBe('/blog/sleep')
    expect(internalLinkPath({ linkType: 'internal', doc: { relationTo: 'benefits', value: { slug: 'calm' } } })).toBe('/benefits/calm')
    expect(internalLinkPath({ linkType: 'internal', doc: { relationTo: 'articles', value: 'an-id' } })).toBeNull()
    expect(internalLinkPath({ linkType: 'internal', doc: { relationTo: 'articles', value: null } })).toBeNull()
    expect(internalLinkPath({ linkType: 'internal', doc: { relationTo: 'users', value: { slug: 'x' } } })).toBeNull()
  })

  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['http://example.org', 'http://example.org'],
    ['mailto:janet@example.org', 'mailto:janet@example.org'],
    ['tel:+15551234', 'tel:+15551234'],
    ['/benefits', '/benefits'],
    ['#references', '#references'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['//evil.example', null],
    ['', null],
  ])('custom URL %j → %j', (url, expected) => {
    expect(safeCustomUrl(url)).toBe(expected)
    expect(linkHref({ linkType: 'custom', url })).toBe(expected)
  })

  it('opens new-tab links with noopener', () => {
    expect(newTabAttributes({ newTab: true })).toEqual({ target: '_blank', rel: 'noopener noreferrer' })
    expect(newTabAttributes({ newTab: false })).toEqual({})
  })
})

describe('paragraphOf', () => {
  it('keeps inline nodes in order', () => {
    expect(paragraphOf([text('a'), text('b', 1)]).children?.map((n) => [n.text, n.format])).toEqual([
      ['a', 0],
      ['b', 1],
    ])
  })
})
