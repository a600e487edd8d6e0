import { z } from 'zod'

import { slugParams } from '../paths/params'

/**
 * What a generated share image says, decided without Payload or React so it can be unit-tested:
 * which addresses exist, the words on each card, and how long text is kept inside 1200×630.
 */

export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const

/** Collections with a generated image at `/og/<collection>/<slug>` (see `routes.ogImage`). */
export const OG_COLLECTIONS = ['articles', 'benefits', 'authors', 'topics'] as const
export type OgCollection = (typeof OG_COLLECTIONS)[number]

/** Home and list pages share one image of the site itself: `/og/site/default`. */
export const SITE_CARD_PARAMS = { collection: 'site', slug: 'default' } as const

export const ogParams = z.union([
  z.object({ collection: z.literal(SITE_CARD_PARAMS.collection), slug: z.literal(SITE_CARD_PARAMS.slug) }),
  slugParams.extend({ collection: z.enum(OG_COLLECTIONS) }),
])
export type OgParams = z.infer<typeof ogParams>


/** The words on one card: a small label, the title, and an optional line under it. */
export type OgCard = { label: string; title: string; subtitle: string | null }

/** What each collection's query brings back (only the fields a card shows). */
export type OgSubject =
  | { collection: 'articles'; title: string; author: { name: string; credentials?: string | null } | null }
  | { collection: 'benefits'; title: string; summary?: string | null }
  | { collection: 'authors'; name: string; credentials?: string | null; jobTitle?: string | null }
  | { collection: 'topics'; name: string; description?: string | null }
  | { collection: 'site'; tagline: string }

// Past these lengths the text would overflow its box at the smallest font size the card uses.
export const TITLE_MAX_CHARS = 100
export const SUBTITLE_MAX_CHARS = 100

/** "Janet, LMT": the name as the byline writes it. */
export function nameWithCredentials(name: string, credentials?: string | null): string {
  const extra = credentials?.trim()
  return extra ? `${name.trim()}, ${extra}` : name.trim()
}

/** Cuts at a word boundary and ends with "…"; collapses whitespace first. */
export function truncate(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= maxChars) return clean
  const cut = clean.slice(0, maxChars - 1)
  const lastSpace = cut.lastIndexOf(' ')
  // A single very long word has no boundary to cut at: cut inside it rather than drop it.
  const kept = lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut
  return `${kept.replace(/[\s,;:.\-–—]+$/, '')}…`
}

/** Long titles get a smaller size so they stay within about three lines. */
export function titleFontSize(title: string): number {
  if (title.length <= 40) return 76
  if (title.length <= 70) return 64
  return 50
}

function optional(text: string | null | undefined): string | null {
  const clean = text?.trim()
  return clean ? truncate(clean, SUBTITLE_MAX_CHARS) : null
}

export function ogCard(subject: OgSubject): OgCard {
  switch (subject.collection) {
    case 'articles':
      return {
        label: 'Article',
        title: truncate(subject.title, TITLE_MAX_CHARS),
        subtitle: subject.author ? `By ${nameWithCredentials(subject.author.name, subject.author.credentials)}` : null,
      }
    case 'benefits':
      return { label: 'Benefit of massage', title: truncate(subject.title, TITLE_MAX_CHARS), subtitle: optional(subject.summary) }
    case 'authors':
      return {
        label: 'Author',
        title: truncate(nameWithCredentials(subject.name, subject.credentials), TITLE_MAX_CHARS),
        subtitle: optional(subject.jobTitle),
      }
    case 'topics':
      return { label: 'Topic', title: truncate(subject.name, TITLE_MAX_CHARS), subtitle: optional(subject.description) }
    case 'site':
      // The site's name is already on every card's footer: the tagline says what the site is.
      return { label: 'Massage therapy blog', title: truncate(subject.tagline, TITLE_MAX_CHARS), subtitle: null }
  }
}
