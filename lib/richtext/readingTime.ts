import { toPlainText } from './lexical'

/** Adult silent reading of non-fiction runs at about 200–250 words a minute. */
export const WORDS_PER_MINUTE = 220

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** Whole minutes to read a Lexical document, rounded up, at least 1 for any text at all. */
export function readingMinutes(state: unknown, extraText = ''): number {
  const words = wordCount(`${toPlainText(state)}\n${extraText}`)
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))
}

/** "4 min read"; empty for a document without words. */
export function readingTimeLabel(minutes: number): string {
  return minutes > 0 ? `${minutes} min read` : ''
}
