import {
  block,
  editorState,
  externalLink,
  heading,
  linebreak,
  list,
  paragraph,
  paragraphOf,
  quote,
  text,
  TEXT_FORMAT,
  upload,
} from '@/lib/richtext/lexical'
import { excerptSuggestion } from '@/lib/editorial'
import {
  articleSummary,
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_MIN_LENGTH,
  ownDescription,
  storedSummary,
  summaryFromBody,
} from '@/lib/seo/summary'

/** The summary an article without an excerpt gets from its body (lib/seo/summary.ts). */

const LONG_SENTENCES =
  'Massage eases the tension that builds up in tired muscles over a long working week. ' +
  'Slow, firm strokes bring fresh blood to the tissue and carry waste away from it. ' +
  'Many clients say they sleep better on the night after a session, and feel calmer for days.'

describe('summaryFromBody', () => {
  it('is the opening paragraph when it is a good length already', () => {
    const opening = 'Regular massage supports the immune system by lowering stress hormones.'
    expect(summaryFromBody(editorState([paragraph(opening), paragraph('A second paragraph that is not needed.')]))).toBe(opening)
  })

  it('skips headings, lists, quotes, images and blocks to find the running text', () => {
    const content = editorState([
      heading('Why massage helps'),
      list('bullet', ['Circulation improves', 'Stress falls']),
      block('benefitList', 'b1'),
      upload('media', 'image-1'),
      quote('A quotation is not the article speaking.'),
      paragraph('Here is what a single session does for your body and your mood, step by step.'),
    ])
    const summary = summaryFromBody(content)
    expect(summary).toBe('Here is what a single session does for your body and your mood, step by step.')
    for (const skipped of ['Why massage helps', 'Circulation', 'quotation']) expect(summary).not.toContain(skipped)
  })

  it('joins short opening paragraphs, as sentences, until the summary is at least 50 characters', () => {
    const summary = summaryFromBody(
      editorState([paragraph('Hello, friends'), paragraph('Today: sleep.'), paragraph('Why a good night matters more than you think.'), paragraph('Unused.')]),
    )
    expect(summary).toBe('Hello, friends. Today: sleep. Why a good night matters more than you think.')
    expect(summary.length).toBeGreaterThanOrEqual(DESCRIPTION_MIN_LENGTH)
    // A paragraph that leads into a list ends with a colon: it becomes a sentence of its own.
    expect(summaryFromBody(editorState([paragraph('Three things help:'), list('number', ['Rest']), paragraph('Warmth, water and slow breathing all calm the body.')]))).toBe(
      'Three things help. Warmth, water and slow breathing all calm the body.',
    )
  })

  it('cuts a long opening at the last whole sentence within 160 characters', () => {
    const summary = summaryFromBody(editorState([paragraph(LONG_SENTENCES)]))
    expect(summary).toBe('Massage eases the tension that builds up in tired muscles over a long working week.')
    expect(summary.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH)
    expect(summary.length).toBeGreaterThanOrEqual(DESCRIPTION_MIN_LENGTH)
  })

  it('cuts at a word boundary, with an ellipsis, when no sentence ends in range', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ')
    const summary = summaryFromBody(editorState([paragraph(words)]))
    expect(summary.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH)
    expect(summary.length).toBeGreaterThanOrEqual(DESCRIPTION_MAX_LENGTH - 10)
    expect(summary.endsWith('…')).toBe(true)
    // Every word kept is whole: the text before the ellipsis is a prefix of the words, ending at a space.
    const kept = summary.slice(0, -1)
    expect(words.startsWith(kept)).toBe(true)
    expect(words.charAt(kept.length)).toBe(' ')
  })

  it('stays within the bounds for any body (at least 50 characters when the body has them)', () => {
    const sentence = (n: number) => `${'Calm '.repeat(n).trim()}.`
    for (let n = 1; n <= 60; n += 3) {
      const body = editorState([paragraph(sentence(n)), paragraph(sentence(n + 1)), paragraph(sentence(2 * n))])
      const summary = summaryFromBody(body)
      const available = [sentence(n), sentence(n + 1), sentence(2 * n)].join(' ').length
      expect(summary.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH)
      expect(summary.length).toBeGreaterThanOrEqual(Math.min(DESCRIPTION_MIN_LENGTH, available))
    }
  })

  it('is plain text: formatting, links and line breaks leave no markup, and typed angle brackets stay text', () => {
    const content = editorState([
      paragraphOf([
        text('Massage is ', 0),
        text('good', TEXT_FORMAT.bold),
        text(' for you,'),
        linebreak(),
        text('as '),
        externalLink('this study', 'https://example.com/study'),
        text(' shows <b>clearly</b> & kindly.'),
      ]),
    ])
    expect(summaryFromBody(content)).toBe('Massage is good for you, as this study shows <b>clearly</b> & kindly.')
    expect(summaryFromBody(content)).not.toMatch(/https?:|\n/)
  })

  it('is empty for an empty body, partial JSON or no paragraphs at all', () => {
    expect(summaryFromBody(undefined)).toBe('')
    expect(summaryFromBody({ root: {} })).toBe('')
    expect(summaryFromBody(editorState([]))).toBe('')
    expect(summaryFromBody(editorState([heading('Only a heading'), list('bullet', ['And a list'])]))).toBe('')
    expect(summaryFromBody(editorState([paragraph('   ')]))).toBe('')
  })

  it('is as short as the body when the body is short', () => {
    expect(summaryFromBody(editorState([paragraph('Just one line.')]))).toBe('Just one line.')
  })
})

describe('articleSummary, storedSummary and ownDescription', () => {
  const content = editorState([paragraph('The opening paragraph of the article, long enough to describe it.')])

  it('uses her excerpt as written, whitespace tidied, and the body only without one', () => {
    expect(articleSummary({ excerpt: '  Her own   words.  ', content })).toBe('Her own words.')
    expect(articleSummary({ excerpt: '', content })).toBe('The opening paragraph of the article, long enough to describe it.')
    expect(articleSummary({ excerpt: null, content })).toBe('The opening paragraph of the article, long enough to describe it.')
    expect(articleSummary({})).toBe('')
  })

  it('reads the stored summary, or the excerpt of an article stored before summaries existed', () => {
    expect(storedSummary({ summary: 'Stored.', excerpt: 'Older excerpt.' })).toBe('Stored.')
    expect(storedSummary({ summary: null, excerpt: ' Older\nexcerpt. ' })).toBe('Older excerpt.')
    expect(storedSummary({})).toBe('')
  })

  it('describes any page: an article by its summary, a benefit by its summary, a topic by its description', () => {
    expect(ownDescription({ content })).toBe('The opening paragraph of the article, long enough to describe it.')
    expect(ownDescription({ summary: 'Less stress.' })).toBe('Less stress.')
    expect(ownDescription({ description: 'All about sleep.', content: undefined })).toBe('All about sleep.')
    expect(ownDescription({ description: editorState([paragraph('rich text is not a plain description')]) })).toBe('')
  })
})

describe('excerptSuggestion (the editorial checks panel)', () => {
  const content = editorState([heading('Start'), paragraph('The opening paragraph of the article, long enough to describe it.')])

  it('says, with the words, what shows in place of a missing excerpt', () => {
    const [finding] = excerptSuggestion({ excerpt: '', content })
    expect(finding).toMatchObject({ level: 'info', code: 'excerpt-from-body' })
    expect(finding.detail).toContain('“The opening paragraph of the article, long enough to describe it.”')
  })

  it('says nothing once she wrote an excerpt, or while the body has no paragraph yet', () => {
    expect(excerptSuggestion({ excerpt: 'Mine.', content })).toEqual([])
    expect(excerptSuggestion({ excerpt: '', content: editorState([heading('Only a heading')]) })).toEqual([])
    expect(excerptSuggestion({})).toEqual([])
  })
})
