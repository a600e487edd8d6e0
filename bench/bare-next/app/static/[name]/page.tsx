import { notFound } from 'next/navigation'

/**
 * Static pages of a given size, prerendered at `next build`: BARE_PAGE_SIZES (JSON, read at build
 * time) names each page and how many characters of filler text it carries, e.g.
 * `{"article":18000}` → /static/article. bench/_bare-next.ts picks the filler so that the page's
 * HTML is as long as the Wellpress page it stands beside (Next inlines the text twice: once as
 * HTML, once in the RSC payload, exactly as it does for Wellpress's pages). The words are
 * BARE_PAGE_WORDS (the Wellpress pages' own text, typographic quotes and dashes included, so both
 * servers send the same kind of characters: Node encodes pure-ASCII text faster than the rest).
 */
const sizes = JSON.parse(process.env.BARE_PAGE_SIZES || '{}') as Record<string, number>
const DEFAULT_WORDS = 'massage eases tension improves circulation supports immune function and calms the nervous system'
const WORDS = (process.env.BARE_PAGE_WORDS || DEFAULT_WORDS).split(/\s+/).filter(Boolean)

export const dynamicParams = false

export function generateStaticParams() {
  return Object.keys(sizes).map((name) => ({ name }))
}

/** Plain prose in paragraphs of about 600 characters, `length` characters in all. */
function filler(length: number): string[] {
  const paragraphs: string[] = []
  let text = ''
  let total = 0
  for (let index = 0; total < length; index++) {
    const word = WORDS[index % WORDS.length]
    text += text ? ` ${word}` : word
    total += word.length + 1
    if (text.length >= 600) {
      paragraphs.push(`${text}.`)
      text = ''
    }
  }
  if (text) paragraphs.push(`${text}.`)
  return paragraphs
}

export default async function StaticPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params
  const length = sizes[name]
  if (length === undefined) notFound()
  return (
    <main>
      <h1>A static page of {length} characters</h1>
      {filler(length).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </main>
  )
}
