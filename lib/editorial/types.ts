/**
 * Editorial checks: advice shown beside the editor while the therapist writes. They never block
 * saving or publishing, so every finding is a `warning` (worth a look) or `info` (good to know).
 * Pure and free of server-only imports: the admin runs them in the browser on the live form.
 */
export type FindingLevel = 'warning' | 'info'

export type FindingCode =
  | 'heading-h1'
  | 'heading-skip'
  | 'link-empty-text'
  | 'link-no-destination'
  | 'link-vague-text'
  | 'health-claim-unreferenced'
  | 'readability'
  | 'image-alt'
  | 'excerpt-from-body'

export type Finding = {
  level: FindingLevel
  code: FindingCode
  /** One short sentence in plain language: what was noticed. */
  message: string
  /** What to do about it, or the numbers behind it. */
  detail: string
  /** The specific things found (words, link texts, heading jumps), for listing. */
  items?: string[]
}

/** The article fields the checks read, as they stand in the admin form or a saved document. */
export type ArticleInput = {
  title?: unknown
  excerpt?: unknown
  /** Lexical editor state (JSON). */
  content?: unknown
  /** The `references` array, or its row count (the admin form state keeps a count). */
  references?: unknown
}
