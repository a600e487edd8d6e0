/**
 * The floor's one page of content, at the article's own address (so Next matches the same route
 * shape, a prerendered dynamic segment, as it does for Wellpress's article): FLOOR_SLUG, prerendered
 * at `next build`, FLOOR_FILLER characters of plain ASCII prose in paragraphs, which
 * bench/_floor.ts sizes so that the HTML is as long as the article's. Nothing else: no data, no
 * client component, no CSS.
 */
const slug = process.env.FLOOR_SLUG || 'article'
const length = Number(process.env.FLOOR_FILLER || 0)
const WORDS = 'massage eases tension improves circulation supports immune function and calms the nervous system'.split(' ')

export const dynamicParams = false

export function generateStaticParams() {
  return [{ slug }]
}

function paragraphs(): string[] {
  const result: string[] = []
  let text = ''
  let total = 0
  for (let index = 0; total < length; index++) {
    const word = WORDS[index % WORDS.length]
    text += text ? ` ${word}` : word
    total += word.length + 1
    if (text.length >= 600) {
      result.push(`${text}.`)
      text = ''
    }
  }
  if (text) result.push(`${text}.`)
  return result
}

export default function FloorArticle() {
  return (
    <main>
      <h1>A static page of {length} characters</h1>
      {paragraphs().map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </main>
  )
}
