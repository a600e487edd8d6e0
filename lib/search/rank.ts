import { countMatchingTerms } from './highlight'

/** One searchable document, reduced to the text search looks at. */
export type SearchCandidate = {
  /** Its name on the page: an article's or benefit's title, an author's name. */
  title: string
  /** The short text shown under the title: excerpt, summary or job title. */
  summary: string | null
  /** Everything else the document says (its body), as plain text. */
  body: string | null
  /** When it was published (articles) or created; newer wins ties. ISO string. */
  date: string | null
}

/** A document is a result only if every word of the query occurs in it, as typed (no patterns). */
export function matchesEveryTerm(candidate: SearchCandidate, terms: string[]): boolean {
  const haystack = [candidate.title, candidate.summary, candidate.body].filter(Boolean).join('\n')
  return countMatchingTerms(haystack, terms) === terms.length
}

/**
 * Results in the order a reader expects: documents whose title holds more of the words first,
 * then those whose summary does, then the newest.
 */
export function rankCandidates<T extends SearchCandidate>(candidates: T[], terms: string[]): T[] {
  const scored = candidates
    .filter((candidate) => matchesEveryTerm(candidate, terms))
    .map((candidate) => ({
      candidate,
      title: countMatchingTerms(candidate.title, terms),
      summary: countMatchingTerms(candidate.summary, terms),
      time: candidate.date ? Date.parse(candidate.date) || 0 : 0,
    }))
  scored.sort((a, b) => b.title - a.title || b.summary - a.summary || b.time - a.time)
  return scored.map(({ candidate }) => candidate)
}

/**
 * The body part of a `searchText` field, which stores the document's fields one after another
 * (title, then summary, then body; see collections/fields/searchText.ts): drops the leading ones.
 */
export function bodyOfSearchText(searchText: string | null | undefined, leadingFields: (string | null | undefined)[]): string {
  let rest = (searchText ?? '').trim()
  // A benefit's summary is usually its description's first sentence too: strip each leading field
  // wherever it repeats at the start, so a snippet never restates what the result already shows.
  for (let changed = true; changed; ) {
    changed = false
    for (const field of leadingFields) {
      const text = field?.trim()
      if (!text || !rest.startsWith(text)) continue
      const next = rest.charAt(text.length)
      if (next !== '' && !/\s/.test(next)) continue
      rest = rest.slice(text.length).trimStart()
      changed = true
    }
  }
  return rest
}
