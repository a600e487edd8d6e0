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
  // The card's text is the stored summary; the excerpt only stands in for it on articles saved
  // before the summary existed (lib/seo/summary.ts, storedSummary).
  summary: true,
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

/** Everything the article page shows; the public page and the draft preview read the same. */
export const articlePageSelect = {
  ...articleCardSelect,
  content: true,
  benefits: true,
  topics: true,
  references: true,
  updatedAt: true,
  reviewedBy: true,
  lastReviewedAt: true,
  meta: true,
} as const

/**
 * What the article's body (components/ArticleBody.tsx) shows of related documents, read alike by
 * its page and the feeds: images in the body with their caption, the benefits with their
 * description, and the linked article's slug for rich-text internal links (benefits already bring
 * theirs).
 */
export const articleBodyPopulate = {
  media: { ...imageSelect, caption: true },
  benefits: { ...benefitSummarySelect, description: true },
  articles: { slug: true },
} as const

/**
 * The article page's related documents: the body's, and the author and reviewer's profile links,
 * which become `sameAs` in the structured data.
 */
export const articlePagePopulate = {
  ...populate,
  ...articleBodyPopulate,
  authors: authorPersonSelect,
} as const
