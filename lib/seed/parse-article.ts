/**
 * Reads the therapist's plain-text article format: a title line, blank-line separated paragraphs,
 * short headline lines, a numbered benefit list ("1. Increases circulation: Massage ...") and a
 * closing sign-off ("In Health, Janet"). Pure, so it is unit-tested against her real text.
 */
export type ParsedBenefit = {
  /** Position in her numbered list, from 1. */
  position: number
  /** The bold phrase before the colon, e.g. "Increases circulation". */
  title: string
  /** Everything after the colon, as she wrote it. */
  description: string
  /** The description's first sentence, for lists and cards. */
  summary: string
}

export type ParsedBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  /** Where the numbered benefit list stood in the text. */
  | { type: 'benefitList' }

export type ParsedArticle = {
  title: string
  blocks: ParsedBlock[]
  benefits: ParsedBenefit[]
  signOff: string | null
}

const BENEFIT_ITEM = /^(\d+)[.)]\s+([^:]{2,120}):\s+([\s\S]+)$/
const SIGN_OFF = /^(in health|warmly|best wishes|kind regards|with care|regards|sincerely),?\s+\S.{0,60}$/i
const SENTENCE_END = /[.:;?"”)]$/

export function parseArticle(text: string): ParsedArticle {
  const chunks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)

  const [titleLine, ...rest] = chunks
  if (!titleLine) throw new Error('The article is empty: expected a title on the first line.')

  const blocks: ParsedBlock[] = []
  const benefits: ParsedBenefit[] = []
  let signOff: string | null = null

  rest.forEach((chunk, index) => {
    const item = BENEFIT_ITEM.exec(chunk)
    if (item) {
      if (blocks.at(-1)?.type !== 'benefitList') blocks.push({ type: 'benefitList' })
      const description = item[3].trim()
      benefits.push({ position: Number(item[1]), title: item[2].trim(), description, summary: firstSentence(description) })
      return
    }
    if (index === rest.length - 1 && SIGN_OFF.test(chunk)) {
      signOff = chunk
      return
    }
    if (isHeading(chunk)) {
      blocks.push({ type: 'heading', text: cleanHeading(chunk) })
      return
    }
    blocks.push({ type: 'paragraph', text: chunk })
  })

  return { title: titleLine, blocks, benefits, signOff }
}

/** A short single line that does not read as a sentence ("How Massage Therapy Can Help !"). */
function isHeading(chunk: string): boolean {
  return chunk.length <= 80 && !SENTENCE_END.test(chunk) && (chunk.match(/[.?!]\s/g) ?? []).length === 0
}

/** Drops a detached trailing mark ("Help !" → "Help"): a typing slip, not part of the heading. */
function cleanHeading(chunk: string): string {
  return chunk.replace(/\s+[!?.]+$/, '').trim()
}

export function firstSentence(text: string): string {
  const match = /^.+?[.!?](?=\s+[A-Z]|$)/.exec(text.trim())
  return (match ? match[0] : text).trim()
}
