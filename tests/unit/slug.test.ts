import { isValidSlug, SLUG_MAX_LENGTH, slugify, validateSlug } from '@/lib/paths/slug'

describe('slugify', () => {
  it.each([
    ['Increases circulation', 'increases-circulation'],
    ['Boosts natural killer cell activity', 'boosts-natural-killer-cell-activity'],
    ['How Massage Therapy Can Help !', 'how-massage-therapy-can-help'],
    ["The body's natural defense", 'the-bodys-natural-defense'],
    ['Stress & Sleep', 'stress-and-sleep'],
    ['Café  Réflexologie', 'cafe-reflexologie'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['Natural killer (NK) cells', 'natural-killer-nk-cells'],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('returns an empty string for input that has no letters or is not text', () => {
    expect(slugify('!!!')).toBe('')
    expect(slugify(undefined)).toBe('')
    expect(slugify(42)).toBe('')
  })

  it('caps the length without leaving a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(SLUG_MAX_LENGTH - 1)} bcd`)
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
    expect(slug.endsWith('-')).toBe(false)
    expect(isValidSlug(slug)).toBe(true)
  })

  it('always produces a slug that passes validation', () => {
    for (const title of ['Massage Therapy Benefits on Immune Function', 'Q&A: 10 tips — part 2', 'Ça va?']) {
      expect(validateSlug(slugify(title))).toBe(true)
    }
  })
})

describe('slug validation', () => {
  it.each(['janet', 'increases-circulation', 'part-2', '2026'])('accepts %j', (slug) => {
    expect(isValidSlug(slug)).toBe(true)
    expect(validateSlug(slug)).toBe(true)
  })

  it.each(['Janet', 'two--hyphens', '-leading', 'trailing-', 'with space', 'under_score', 'ünïcode', '../etc', 'a'.repeat(SLUG_MAX_LENGTH + 1)])(
    'refuses %j with a message that helps',
    (slug) => {
      expect(isValidSlug(slug)).toBe(false)
      const message = validateSlug(slug)
      expect(typeof message).toBe('string')
      expect(message).toMatch(/^(Use lowercase letters, numbers and single hyphens only|Keep the slug under \d+ characters)/)
    },
  )

  it('suggests the corrected slug', () => {
    expect(validateSlug('Reduces Stress')).toContain('"reduces-stress"')
  })

  it('leaves emptiness to the required rule', () => {
    expect(validateSlug('')).toBe(true)
    expect(validateSlug(null)).toBe(true)
    expect(validateSlug(undefined)).toBe(true)
  })
})
