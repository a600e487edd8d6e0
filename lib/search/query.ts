import { z } from 'zod'

/** Longest query the site searches for; anything longer is cut here (and the page says so). */
export const SEARCH_QUERY_MAX_LENGTH = 200
/** Words sent to the database; more words only narrow the results further, in memory. */
export const SEARCH_TERMS_MAX = 8
export const SEARCH_PAGE_MAX = 1000
export const SEARCH_RESULTS_PER_PAGE = 10

/** A query-string value may be missing, repeated (`q=a&q=b`) or anything at all: use the first string. */
const firstString = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.find((item): item is string => typeof item === 'string')
  return undefined
}

const querySchema = z.preprocess(
  firstString,
  z
    .string()
    .optional()
    .transform((raw) => {
      const collapsed = (raw ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()
      const truncated = collapsed.length > SEARCH_QUERY_MAX_LENGTH
      return { text: truncated ? collapsed.slice(0, SEARCH_QUERY_MAX_LENGTH).trim() : collapsed, truncated }
    }),
)

/** `page` is absent (page 1) or a plain positive integer; anything else is not a page that exists. */
const pageSchema = z.preprocess(
  (value) => firstString(value) ?? '1',
  z
    .string()
    .regex(/^[1-9]\d{0,3}$/)
    .transform(Number)
    .pipe(z.number().max(SEARCH_PAGE_MAX)),
)

export type SearchRequest = {
  /** The cleaned query as typed: trimmed, whitespace collapsed, at most 200 characters. */
  query: string
  /** Distinct lowercase words of the query, each matched as plain text (never a pattern). */
  terms: string[]
  /** The visitor's query was longer than the limit and only its beginning is searched. */
  truncated: boolean
  page: number
}

/** Distinct words, case-folded, longest first (so highlighting prefers "massage" over "mass"). */
export function searchTerms(query: string): string[] {
  const words = query.toLocaleLowerCase('en').split(' ').filter(Boolean)
  return [...new Set(words)].sort((a, b) => b.length - a.length)
}

/**
 * Reads `/search?q=…&page=…` from strangers. Never throws: the query is always usable (possibly
 * empty), and `null` means the page number is not one that can exist (the route answers 404).
 */
export function parseSearchParams(searchParams: Record<string, unknown>): SearchRequest | null {
  const { text, truncated } = querySchema.parse(searchParams.q)
  const page = pageSchema.safeParse(searchParams.page)
  if (!page.success) return null
  return { query: text, terms: searchTerms(text), truncated, page: page.data }
}

/**
 * Pieces of a term that are safe to hand to the database's `like`. Payload's SQLite `like` wraps
 * the value in `%…%` without escaping, so `%` and `_` would act as wildcards there (MongoDB
 * escapes its regex itself). Splitting at them only widens the database's candidate set; the
 * exact, literal match is checked in memory afterwards.
 */
export function likeFragments(term: string): string[] {
  return term.split(/[%_\\]+/).filter((fragment) => fragment.length > 0)
}
