/**
 * The fields each view needs, and what related documents bring along. Pages fetch exactly these,
 * so a page's HTML and its database reads stay small.
 */
export const imageSelect = { alt: true, filename: true, url: true, width: true, height: true, sizes: true } as const

export const authorSummarySelect = {
  name: true,
  slug: true,
  credentials: true,
  jobTitle: true,
  photo: true,
  signOff: true,
  bookingUrl: true,
} as const

/** An author as a schema.org Person: the summary plus the profiles that identify her elsewhere. */
export const authorPersonSelect = { ...authorSummarySelect, website: true, socialLinks: true } as const

export const articleCardSelect = {
  title: true,
  slug: true,
  excerpt: true,
  heroImage: true,
  publishedAt: true,
  author: true,
} as const

export const benefitSummarySelect = { title: true, slug: true, summary: true, order: true } as const

/** Related documents, populated one level deep with only what cards and bylines show. */
export const populate = {
  authors: authorSummarySelect,
  media: imageSelect,
  benefits: { ...benefitSummarySelect, description: true },
  topics: { name: true, slug: true },
} as const
