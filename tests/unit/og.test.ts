import {
  nameWithCredentials,
  OG_COLLECTIONS,
  ogCard,
  ogParams,
  SUBTITLE_MAX_CHARS,
  TITLE_MAX_CHARS,
  titleFontSize,
  truncate,
} from '@/lib/og/content'

describe('ogParams: which /og/<collection>/<slug> addresses exist', () => {
  it.each(OG_COLLECTIONS)('accepts %s with a well-formed slug', (collection) => {
    expect(ogParams.safeParse({ collection, slug: 'reduces-stress' }).data).toEqual({ collection, slug: 'reduces-stress' })
  })

  it('accepts the site image only as site/default', () => {
    expect(ogParams.safeParse({ collection: 'site', slug: 'default' }).success).toBe(true)
    expect(ogParams.safeParse({ collection: 'site', slug: 'other' }).success).toBe(false)
  })

  it.each([
    ['an unknown collection', { collection: 'media', slug: 'photo' }],
    ['a private collection', { collection: 'users', slug: 'admin' }],
    ['an upper-case slug', { collection: 'articles', slug: 'Hello' }],
    ['a path-like slug', { collection: 'articles', slug: '..%2fsecret' }],
    ['a slug with a dot', { collection: 'authors', slug: 'janet.png' }],
    ['an over-long slug', { collection: 'topics', slug: 'a'.repeat(200) }],
    ['an empty slug', { collection: 'topics', slug: '' }],
  ])('rejects %s', (_label, params) => {
    expect(ogParams.safeParse(params).success).toBe(false)
  })
})

describe('truncate', () => {
  it('keeps short text, collapsing whitespace', () => {
    expect(truncate('  Reduces \n stress ', 40)).toBe('Reduces stress')
  })

  it('cuts long text at a word boundary, within the limit, ending with an ellipsis', () => {
    const result = truncate('Massage therapy supports circulation, stress relief and immune function', 40)
    expect(result).toBe('Massage therapy supports circulation…')
    expect(result.length).toBeLessThanOrEqual(40)
  })

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncate('Rest, breathe, and book a massage today please', 16)).toBe('Rest, breathe…')
  })

  it('cuts inside a single word longer than the limit rather than dropping it', () => {
    expect(truncate('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…')
  })
})

describe('titleFontSize', () => {
  it('shrinks as titles grow, never below the smallest size', () => {
    const sizes = [10, 50, 90, TITLE_MAX_CHARS].map((length) => titleFontSize('x'.repeat(length)))
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(48)
  })
})

describe('ogCard: the words on each kind of card', () => {
  it('an article shows its title and its author with credentials', () => {
    expect(
      ogCard({ collection: 'articles', title: 'Massage Therapy Benefits on Immune Function', author: { name: 'Janet', credentials: 'LMT' } }),
    ).toEqual({ label: 'Article', title: 'Massage Therapy Benefits on Immune Function', subtitle: 'By Janet, LMT' })
  })

  it('an article whose author is not public has no byline', () => {
    expect(ogCard({ collection: 'articles', title: 'Rest', author: null }).subtitle).toBeNull()
  })

  it('a benefit shows its title and summary', () => {
    expect(ogCard({ collection: 'benefits', title: 'Reduces stress', summary: 'Massage lowers cortisol.' })).toEqual({
      label: 'Benefit of massage',
      title: 'Reduces stress',
      subtitle: 'Massage lowers cortisol.',
    })
  })

  it('an author shows name with credentials and job title', () => {
    expect(ogCard({ collection: 'authors', name: 'Janet', credentials: ' LMT ', jobTitle: 'Licensed Massage Therapist' })).toEqual({
      label: 'Author',
      title: 'Janet, LMT',
      subtitle: 'Licensed Massage Therapist',
    })
    expect(nameWithCredentials('Janet', '')).toBe('Janet')
  })

  it('a topic without a description has no subtitle', () => {
    expect(ogCard({ collection: 'topics', name: 'Immune health', description: '  ' })).toEqual({
      label: 'Topic',
      title: 'Immune health',
      subtitle: null,
    })
  })

  it('the site card says what the site is', () => {
    expect(ogCard({ collection: 'site', tagline: 'Massage for a calmer mind' })).toMatchObject({ title: 'Massage for a calmer mind' })
  })

  it('keeps long titles and subtitles within their limits', () => {
    const card = ogCard({ collection: 'benefits', title: 'word '.repeat(60), summary: 'longer words '.repeat(40) })
    expect(card.title.length).toBeLessThanOrEqual(TITLE_MAX_CHARS)
    expect(card.title.endsWith('…')).toBe(true)
    expect(card.subtitle?.length).toBeLessThanOrEqual(SUBTITLE_MAX_CHARS)
  })
})
