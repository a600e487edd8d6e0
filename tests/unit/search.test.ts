import { containsTerm, highlight, snippetAround } from '@/lib/search/highlight'
import { likeFragments, parseSearchParams, SEARCH_QUERY_MAX_LENGTH, searchTerms } from '@/lib/search/query'
import { bodyOfSearchText, rankCandidates, type SearchCandidate } from '@/lib/search/rank'

describe('parseSearchParams', () => {
  it('trims, collapses whitespace and keeps the query as typed', () => {
    expect(parseSearchParams({ q: '  Immune \n\t  function ' })).toEqual({
      query: 'Immune function',
      terms: ['function', 'immune'],
      truncated: false,
      page: 1,
    })
  })

  it('treats a missing or empty query as no search (the page shows just the form)', () => {
    expect(parseSearchParams({})).toMatchObject({ query: '', terms: [], page: 1 })
    expect(parseSearchParams({ q: '   ' })).toMatchObject({ query: '', terms: [] })
  })

  it(`cuts queries longer than ${SEARCH_QUERY_MAX_LENGTH} characters and says so`, () => {
    const parsed = parseSearchParams({ q: 'a'.repeat(10_000) })
    expect(parsed?.query).toHaveLength(SEARCH_QUERY_MAX_LENGTH)
    expect(parsed?.truncated).toBe(true)
  })

  it('uses the first string of a repeated parameter and ignores non-strings', () => {
    expect(parseSearchParams({ q: ['first', 'second'] })?.query).toBe('first')
    expect(parseSearchParams({ q: { $gt: '' } })?.query).toBe('')
    expect(parseSearchParams({ 'q[]': ['a', 'b'] })?.query).toBe('')
  })

  it('keeps hostile characters as plain text', () => {
    expect(parseSearchParams({ q: '.*( % _ \\ {"$gt":""}' })?.terms).toEqual(['{"$gt":""}', '.*(', '%', '_', '\\'])
  })

  it.each([
    [undefined, 1],
    ['1', 1],
    ['7', 7],
    [['3', '9'], 3],
  ])('reads page %j as %d', (page, expected) => {
    expect(parseSearchParams({ q: 'x', page })?.page).toBe(expected)
  })

  it.each(['0', '-1', '1.5', 'abc', '01', '', '99999', '1e3'])('refuses page %j (null: the route answers 404)', (page) => {
    expect(parseSearchParams({ q: 'x', page })).toBeNull()
  })
})

describe('searchTerms and likeFragments', () => {
  it('lowercases, dedupes and puts longer words first', () => {
    expect(searchTerms('Massage mass MASSAGE')).toEqual(['massage', 'mass'])
  })

  it("splits terms at SQL LIKE wildcards, which Payload's SQLite `like` does not escape", () => {
    expect(likeFragments('50%_off')).toEqual(['50', 'off'])
    expect(likeFragments('%')).toEqual([])
    expect(likeFragments('back\\slash')).toEqual(['back', 'slash'])
    expect(likeFragments('.*(')).toEqual(['.*('])
  })
})

describe('highlight', () => {
  it('marks every match case-insensitively, keeping the original text', () => {
    expect(highlight('Massage boosts immune function. IMMUNE!', ['immune'])).toEqual([
      { text: 'Massage boosts ', match: false },
      { text: 'immune', match: true },
      { text: ' function. ', match: false },
      { text: 'IMMUNE', match: true },
      { text: '!', match: false },
    ])
  })

  it('prefers the longest term where terms overlap', () => {
    expect(highlight('massages', ['mass', 'massage'])).toEqual([
      { text: 'massage', match: true },
      { text: 's', match: false },
    ])
  })

  it('treats regex characters literally and leaves markup as text', () => {
    expect(highlight('a.*(b <script>', ['.*('])).toEqual([
      { text: 'a', match: false },
      { text: '.*(', match: true },
      { text: 'b <script>', match: false },
    ])
    expect(highlight('<b>bold</b>', ['nothing'])).toEqual([{ text: '<b>bold</b>', match: false }])
    expect(containsTerm('100% sure', '%')).toBe(true)
    expect(containsTerm('abc', '.')).toBe(false)
  })

  it('returns the text unmarked without terms', () => {
    expect(highlight('plain', [])).toEqual([{ text: 'plain', match: false }])
    expect(highlight('', ['x'])).toEqual([])
  })
})

describe('snippetAround', () => {
  const body = `${'Lorem ipsum dolor sit amet. '.repeat(20)}Massage raises white blood cell counts. ${'Consectetur adipiscing elit. '.repeat(20)}`

  it('cuts a passage around the first match at word boundaries, with ellipses', () => {
    const snippet = snippetAround(body, ['white'], 120) as string
    expect(snippet).toContain('white blood cell')
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet.length).toBeLessThanOrEqual(122)
    expect(snippet.slice(1, -1)).toMatch(/^\S.*\S$/)
    expect(body.replace(/\s+/g, ' ')).toContain(snippet.slice(1, -1))
  })

  it('has no ellipsis at the ends of a short text, and is null without a match', () => {
    expect(snippetAround('Short and sweet.', ['sweet'])).toBe('Short and sweet.')
    expect(snippetAround('Short and sweet.', ['sour'])).toBeNull()
    expect(snippetAround(null, ['x'])).toBeNull()
  })
})

describe('rankCandidates', () => {
  const doc = (title: string, summary: string, body: string, date: string): SearchCandidate => ({ title, summary, body, date })

  it('requires every word somewhere, then ranks title matches, then summary matches, then the newest', () => {
    const bodyOnlyNew = doc('Circulation', 'Blood flow', 'Helps immune cells.', '2025-03-01')
    const bodyOnlyOld = doc('Stress', 'Calm', 'Helps immune cells too.', '2024-01-01')
    const inSummary = doc('Lymph', 'An immune helper', 'Text.', '2020-01-01')
    const inTitle = doc('Immune function', 'Summary', 'Body.', '2019-01-01')
    const unrelated = doc('Other', 'Other', 'Nothing here.', '2026-01-01')
    expect(rankCandidates([bodyOnlyOld, unrelated, bodyOnlyNew, inSummary, inTitle], ['immune'])).toEqual([
      inTitle,
      inSummary,
      bodyOnlyNew,
      bodyOnlyOld,
    ])
  })

  it('drops documents missing any word', () => {
    const both = doc('Immune', 'x', 'massage', '2020-01-01')
    const one = doc('Immune', 'x', 'y', '2020-01-01')
    expect(rankCandidates([both, one], ['immune', 'massage'])).toEqual([both])
  })

  it('matches wildcard characters literally', () => {
    const percent = doc('100% natural', '', '', '2020-01-01')
    const plain = doc('Natural', '', '', '2020-01-01')
    expect(rankCandidates([percent, plain], ['%'])).toEqual([percent])
  })
})

describe('bodyOfSearchText', () => {
  it('drops the leading title and summary from the stored search text', () => {
    expect(bodyOfSearchText('Title\nThe excerpt\nBody line 1\nBody line 2', ['Title', 'The excerpt'])).toBe('Body line 1\nBody line 2')
    expect(bodyOfSearchText('Janet\nBio', ['Janet', null, ''])).toBe('Bio')
    expect(bodyOfSearchText('Only title', ['Only title'])).toBe('')
    expect(bodyOfSearchText(null, ['x'])).toBe('')
  })

  it('drops a summary repeated as the first sentence of the description', () => {
    const summary = 'Stress has been shown to have a negative impact on immune function.'
    const stored = `Reduces stress\n${summary}\n${summary} Reducing stress through Massage can help.`
    expect(bodyOfSearchText(stored, ['Reduces stress', summary])).toBe('Reducing stress through Massage can help.')
  })

  it('only strips whole leading words, never part of one', () => {
    expect(bodyOfSearchText('Janet\nJanetta writes here', ['Janet'])).toBe('Janetta writes here')
  })
})
