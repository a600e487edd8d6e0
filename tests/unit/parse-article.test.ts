import { readFileSync } from 'node:fs'
import path from 'node:path'

import { firstSentence, parseArticle } from '@/lib/seed/parse-article'

const SOURCE = readFileSync(
  path.resolve('lib/seed/content/massage-therapy-benefits-on-immune-function.txt'),
  'utf8',
)

describe("parseArticle on the therapist's own article", () => {
  const article = parseArticle(SOURCE)

  it('reads the title from the first line', () => {
    expect(article.title).toBe('Massage Therapy Benefits on Immune Function')
  })

  it('finds the five numbered benefits in order, title = the phrase before the colon', () => {
    expect(article.benefits.map((benefit) => [benefit.position, benefit.title])).toEqual([
      [1, 'Increases circulation'],
      [2, 'Reduces stress'],
      [3, 'Stimulates lymphatic flow'],
      [4, 'Increases white blood cell production'],
      [5, 'Boosts natural killer cell activity'],
    ])
  })

  it('keeps each benefit description as written and summarises it with its first sentence', () => {
    const stress = article.benefits[1]
    expect(stress.description).toBe(
      'Stress has been shown to have a negative impact on immune function. Reducing stress through Massage can help boost the immune system. Massage therapy also helps promote relaxation and reduce feelings of stress and anxiety also contributing to improved immune function.',
    )
    expect(stress.summary).toBe('Stress has been shown to have a negative impact on immune function.')
    // Every sentence of every benefit appears verbatim in the source.
    for (const benefit of article.benefits) expect(SOURCE).toContain(`${benefit.title}: ${benefit.description}`)
  })

  it('keeps every paragraph, the heading (without the stray " !") and the benefit list in place', () => {
    expect(article.blocks.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'benefitList',
      'paragraph',
    ])
    expect(article.blocks[4]).toEqual({ type: 'heading', text: 'How Massage Therapy Can Help' })
    expect(article.blocks.at(-1)).toEqual({
      type: 'paragraph',
      text: 'I look forward to learning more about you and assisting you to feel better in your body with Therapeutic Massage.',
    })
    for (const block of article.blocks) if (block.type === 'paragraph') expect(SOURCE).toContain(block.text)
  })

  it('reads the closing sign-off separately', () => {
    expect(article.signOff).toBe('In Health, Janet')
  })
})

describe('parseArticle on other input', () => {
  it('handles Windows line endings and lines wrapped inside a paragraph', () => {
    const parsed = parseArticle('Title\r\n\r\nFirst line\r\ncontinues here.\r\n\r\n1. One thing: It helps.\r\n')
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'First line continues here.' }, { type: 'benefitList' }])
    expect(parsed.benefits).toEqual([{ position: 1, title: 'One thing', description: 'It helps.', summary: 'It helps.' }])
    expect(parsed.signOff).toBeNull()
  })

  it('refuses an empty file with a clear message', () => {
    expect(() => parseArticle('  \n\n ')).toThrow(/empty/)
  })
})

describe('firstSentence', () => {
  it('stops at the first sentence end followed by a new sentence', () => {
    expect(firstSentence('It helps. It also relaxes.')).toBe('It helps.')
    expect(firstSentence('Natural killer (NK) cells matter e.g. here')).toBe('Natural killer (NK) cells matter e.g. here')
  })
})
