import { readFileSync } from 'node:fs'
import path from 'node:path'

import { analyzeArticle } from '@/lib/editorial'
import { findClaimWords } from '@/lib/editorial/healthClaims'
import { proseBlocks } from '@/lib/richtext/lexical'
import { readabilityStats } from '@/lib/editorial/readability'
import { block, editorState, heading, paragraph } from '@/lib/richtext/lexical'
import { parseArticle } from '@/lib/seed/parse-article'

/** The therapist's first article, built into Lexical exactly as the seed imports it. */
const source = readFileSync(path.resolve('lib/seed/content/massage-therapy-benefits-on-immune-function.txt'), 'utf8')
const parsed = parseArticle(source)
const content = editorState(
  parsed.blocks.map((b) => (b.type === 'paragraph' ? paragraph(b.text) : b.type === 'heading' ? heading(b.text, 'h2') : block('benefitList', 'list'))),
)
const article = { title: parsed.title, excerpt: parsed.blocks.find((b) => b.type === 'paragraph')?.text, content, references: [] }

describe('editorial checks on the therapist’s immune-function article', () => {
  it('finds only the readability warning: one h2, no links, no health-claim words', () => {
    const findings = analyzeArticle(article)
    expect(findings.map((finding) => finding.code)).toEqual(['readability'])
  })

  it('has no claim words to reference, although it lists no references', () => {
    expect(article.references).toEqual([])
    expect(findClaimWords(source)).toEqual([])
  })

  it('scores her body text as hard reading: long sentences and many long words', () => {
    const stats = readabilityStats(proseBlocks(content))
    expect(stats).toMatchObject({ words: 248, sentences: 12, averageSentenceLength: 20.7 })
    expect(stats.fleschReadingEase).toBeGreaterThan(30)
    expect(stats.fleschReadingEase).toBeLessThan(50)

    const [readability] = analyzeArticle(article)
    expect(readability.level).toBe('warning')
    expect(readability.message).toBe(`Reading ease ${Math.round(stats.fleschReadingEase)} (hard); sentences average 21 words.`)
    expect(readability.detail).toContain('shorter sentences and everyday words help')
    // Her one 41-word sentence is the one to split.
    expect(readability.items).toEqual(['41 words: “The adaptive immune system, on the other hand,…”'])
  })

  it('would flag her wording if she added a cure claim, until she adds a source', () => {
    const withClaim = { ...article, content: editorState([...content.root.children, paragraph('Massage cures colds.')]) }
    expect(analyzeArticle(withClaim).map((finding) => finding.code)).toEqual(['health-claim-unreferenced', 'readability'])
    expect(analyzeArticle({ ...withClaim, references: [{ title: 'Rapaport et al. 2010' }] }).map((f) => f.code)).toEqual(['readability'])
  })
})
