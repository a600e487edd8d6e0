import { proseBlocks } from '../richtext/lexical'
import type { Finding } from './types'

/** Scores at or above this read easily for most adults (roughly plain English). */
export const EASY_READING_SCORE = 60
/** Average sentence length, in words, above which reading gets harder. */
export const LONG_AVERAGE_SENTENCE = 20
/** A single sentence this long is worth splitting. */
export const LONG_SENTENCE = 30
/** Below this many words a score says little. */
const MIN_WORDS = 30

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

/**
 * Syllables in an English word, by the usual heuristic: count vowel groups, drop a silent final
 * "e" (but not "-le" as in "table"), and treat "-es"/"-ed" endings as silent when they usually are.
 * Right for most everyday words; a score built on it is a guide, not a measurement.
 */
export function countSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length === 0) return 0
  if (w.length <= 3) return 1
  // "-ed" is silent except after t or d ("wanted"); "-es" likewise except after s, x, z, ch, sh, c, g ("places", "massages").
  w = w.replace(/(?:[^laeiouysxzhgc]es|[^laeiouytd]ed|[^laeiouy]e)$/, (ending) => ending[0])
  w = w.replace(/^y/, '')
  const groups = w.match(/[aeiouy]+/g)
  return Math.max(1, groups ? groups.length : 0)
}

/** Sentences of a block of prose. A block's end also ends a sentence (list items rarely have a full stop). */
export function splitSentences(block: string): string[] {
  return block
    .split(/(?<=[.!?…]["”’)\]]*)\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => (sentence.match(WORD) ?? []).length > 0)
}

export const wordsOf = (text: string): string[] => text.match(WORD) ?? []

export type ReadabilityStats = {
  words: number
  sentences: number
  syllables: number
  /** Flesch reading ease: higher is easier; 60–70 is plain English, under 30 is academic. */
  fleschReadingEase: number
  averageSentenceLength: number
  /** Sentences of LONG_SENTENCE words or more, as written. */
  longSentences: string[]
}

export function readabilityStats(blocks: string[]): ReadabilityStats {
  const sentences = blocks.flatMap(splitSentences)
  const sentenceWords = sentences.map(wordsOf)
  const words = sentenceWords.flat()
  const syllables = words.reduce((sum, word) => sum + countSyllables(word), 0)
  const averageSentenceLength = sentences.length ? words.length / sentences.length : 0
  const fleschReadingEase = words.length
    ? 206.835 - 1.015 * averageSentenceLength - 84.6 * (syllables / words.length)
    : 0
  return {
    words: words.length,
    sentences: sentences.length,
    syllables,
    fleschReadingEase: Math.round(fleschReadingEase * 10) / 10,
    averageSentenceLength: Math.round(averageSentenceLength * 10) / 10,
    longSentences: sentences.filter((_, index) => sentenceWords[index].length >= LONG_SENTENCE),
  }
}

const describeScore = (score: number) =>
  score >= 80 ? 'very easy' : score >= EASY_READING_SCORE ? 'easy' : score >= 50 ? 'fairly hard' : score >= 30 ? 'hard' : 'very hard'

const preview = (sentence: string) => {
  const words = sentence.split(/\s+/)
  return `${words.length} words: “${words.slice(0, 8).join(' ')}…”`
}

/** Flesch reading ease and average sentence length of the body's prose, with a plain hint. */
export function checkReadability(content: unknown): Finding[] {
  const stats = readabilityStats(proseBlocks(content))
  if (stats.words < MIN_WORDS) return []
  const score = Math.round(stats.fleschReadingEase)
  const average = Math.round(stats.averageSentenceLength)
  const easy = stats.fleschReadingEase >= EASY_READING_SCORE && stats.averageSentenceLength <= LONG_AVERAGE_SENTENCE
  return [
    {
      level: easy ? 'info' : 'warning',
      code: 'readability',
      message: `Reading ease ${score} (${describeScore(stats.fleschReadingEase)}); sentences average ${average} words.`,
      detail: easy
        ? 'Reads easily. Short sentences and everyday words keep it that way.'
        : `Aim for ${EASY_READING_SCORE}+ and about 15–20 words a sentence; shorter sentences and everyday words help.`,
      items: stats.longSentences.map(preview),
    },
  ]
}
