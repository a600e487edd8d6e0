import { z } from 'zod'

/**
 * What search engines require of the structured data, as zod schemas: the unit tests hold the
 * builders' output to them, and the HTTP tests the JSON-LD the real pages serve.
 */
const absoluteUrl = z.url({ protocol: /^https?$/ })
/** A page's one address: absolute, no query string, no fragment. */
export const canonicalUrlShape = absoluteUrl.refine((url) => !/[?#]/.test(url), 'no query string or fragment')
const isoDateTime = z.iso.datetime({ offset: true })
const reference = z.object({ '@id': absoluteUrl }).strict()
const text = z.string().trim().min(1)

export const personShape = z.object({
  '@type': z.literal('Person'),
  '@id': absoluteUrl,
  name: text,
  url: canonicalUrlShape,
  jobTitle: text.optional(),
  hasCredential: z
    .array(z.object({ '@type': z.literal('EducationalOccupationalCredential'), name: text }))
    .optional(),
  sameAs: z.array(absoluteUrl).optional(),
})

/** Share and article images: at least 1200 px wide, 1200×630 here. */
const imageShape = z.object({
  '@type': z.literal('ImageObject'),
  url: absoluteUrl,
  width: z.literal('1200'),
  height: z.literal('630'),
})

export const blogPostingShape = z.object({
  '@type': z.literal('BlogPosting'),
  '@id': absoluteUrl,
  headline: text.max(110),
  description: z.string().min(50).max(160),
  image: imageShape,
  datePublished: isoDateTime,
  dateModified: isoDateTime,
  author: personShape,
  publisher: reference,
  mainEntityOfPage: reference,
  url: canonicalUrlShape,
  wordCount: z.number().int().positive(),
  keywords: z.array(text).optional(),
  citation: z
    .array(z.object({ '@type': z.literal('CreativeWork'), name: text, url: absoluteUrl.optional(), datePublished: z.string().regex(/^\d{4}$/).optional() }))
    .optional(),
  about: z.object({ '@type': z.literal('MedicalTherapy'), name: text }),
})

const webPageFields = {
  '@id': absoluteUrl,
  url: canonicalUrlShape,
  name: text,
  description: z.string().min(50).max(160),
  isPartOf: reference.refine((ref) => ref['@id'].endsWith('/#website'), 'the WebSite node'),
}

export const medicalWebPageShape = z.object({
  '@type': z.literal('MedicalWebPage'),
  ...webPageFields,
  breadcrumb: reference,
  mainEntity: blogPostingShape,
  reviewedBy: personShape.optional(),
  lastReviewed: isoDateTime.optional(),
})

const listItems = (item: z.ZodType) =>
  z
    .array(z.object({ '@type': z.literal('ListItem'), position: z.number().int(), name: text }).and(item))
    .min(1)
    .refine((items) => items.every((entry, index) => (entry as { position: number }).position === index + 1), 'positions 1…n')

export const breadcrumbListShape = z.object({
  '@type': z.literal('BreadcrumbList'),
  '@id': absoluteUrl,
  itemListElement: listItems(z.object({ item: canonicalUrlShape })),
})

export const itemListShape = z.object({
  '@type': z.literal('ItemList'),
  '@id': absoluteUrl,
  name: text,
  numberOfItems: z.number().int(),
  itemListElement: listItems(z.object({ url: canonicalUrlShape })),
})

export const websiteShape = z.object({
  '@type': z.literal('WebSite'),
  '@id': absoluteUrl.refine((id) => id.endsWith('/#website')),
  url: absoluteUrl,
  name: text,
  publisher: reference,
  potentialAction: z.object({
    '@type': z.literal('SearchAction'),
    target: z.object({ '@type': z.literal('EntryPoint'), urlTemplate: z.string().regex(/^https?:\/\/[^?]+\/search\?q=\{search_term_string\}$/) }),
    'query-input': z.literal('required name=search_term_string'),
  }),
})

export const organizationShape = z.object({
  '@type': z.literal('Organization'),
  '@id': absoluteUrl.refine((id) => id.endsWith('/#organization')),
  name: text,
  url: absoluteUrl,
  logo: imageShape,
})

export const collectionPageShape = z.object({ '@type': z.literal('CollectionPage'), ...webPageFields, breadcrumb: reference, mainEntity: reference })
export const profilePageShape = z.object({ '@type': z.literal('ProfilePage'), ...webPageFields, breadcrumb: reference, mainEntity: personShape })
export const webPageShape = z.object({ '@type': z.literal('WebPage'), ...webPageFields })

/** Every node type the site emits, keyed by `@type`. */
export const nodeShapes: Record<string, z.ZodType> = {
  WebSite: websiteShape,
  Organization: organizationShape,
  WebPage: webPageShape,
  MedicalWebPage: medicalWebPageShape,
  CollectionPage: collectionPageShape,
  ProfilePage: profilePageShape,
  BreadcrumbList: breadcrumbListShape,
  ItemList: itemListShape,
}

export const graphShape = z.object({
  '@context': z.literal('https://schema.org'),
  '@graph': z.array(z.object({ '@type': z.string() }).loose()).min(3),
})

export type JsonLdNode = Record<string, unknown> & { '@type': string; '@id'?: string }

/** The graph's nodes and any node nested in them that has an `@id` of its own. */
export function definedIds(nodes: JsonLdNode[]): Set<string> {
  const ids = new Set<string>()
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk)
    if (!value || typeof value !== 'object') return
    const record = value as Record<string, unknown>
    if (typeof record['@id'] === 'string' && Object.keys(record).length > 1) ids.add(record['@id'])
    Object.values(record).forEach(walk)
  }
  walk(nodes)
  return ids
}

/** Bare `{ "@id": … }` references anywhere in the graph. */
export function referencedIds(nodes: JsonLdNode[]): string[] {
  const refs: string[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk)
    if (!value || typeof value !== 'object') return
    const record = value as Record<string, unknown>
    if (typeof record['@id'] === 'string' && Object.keys(record).length === 1) refs.push(record['@id'])
    Object.values(record).forEach(walk)
  }
  walk(nodes)
  return refs
}

/** Parses each node with its type's schema; returns the problems, empty when all are valid. */
export function graphProblems(graph: unknown): string[] {
  const parsed = graphShape.safeParse(graph)
  if (!parsed.success) return [z.prettifyError(parsed.error)]
  const nodes = parsed.data['@graph'] as JsonLdNode[]
  const problems: string[] = []
  for (const node of nodes) {
    const shape = nodeShapes[node['@type']]
    if (!shape) {
      problems.push(`unexpected node type ${node['@type']}`)
      continue
    }
    const result = shape.safeParse(node)
    if (!result.success) problems.push(`${node['@type']}: ${z.prettifyError(result.error)}`)
  }
  const defined = definedIds(nodes)
  for (const id of referencedIds(nodes)) if (!defined.has(id)) problems.push(`dangling reference ${id}`)
  return problems
}

export const nodeOfType = <T = JsonLdNode>(graph: { '@graph': readonly unknown[] }, type: string): T[] =>
  (graph['@graph'] as JsonLdNode[]).filter((node) => node['@type'] === type) as T[]
