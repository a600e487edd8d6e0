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

const anyImageShape = z.object({
  '@type': z.literal('ImageObject'),
  url: absoluteUrl,
  width: z.string().regex(/^\d+$/).optional(),
  height: z.string().regex(/^\d+$/).optional(),
})

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((day) => `https://schema.org/${day}`)

export const openingHoursShape = z.object({
  '@type': z.literal('OpeningHoursSpecification'),
  dayOfWeek: z.array(z.enum(DAYS as [string, ...string[]])).min(1),
  opens: time,
  closes: time,
})

/** schema.org `price`: digits with an optional decimal point, no currency sign or thousands separator. */
export const offerShape = z.object({
  '@type': z.literal('Offer'),
  price: z.string().regex(/^\d+(\.\d{1,2})?$/),
  priceCurrency: z.string().regex(/^[A-Z]{3}$/),
  url: canonicalUrlShape,
})

export const offerCatalogShape = z.object({
  '@type': z.literal('OfferCatalog'),
  name: text,
  itemListElement: z
    .array(offerShape.extend({ itemOffered: z.object({ '@type': z.literal('Service'), '@id': absoluteUrl, name: text }) }))
    .min(1),
})

export const BUSINESS_TYPES = ['HealthAndBeautyBusiness', 'DaySpa', 'MedicalBusiness', 'Physiotherapy'] as const

/** The practice: Google's LocalBusiness requirements (name, address) and what it recommends. */
export const businessShape = z.object({
  '@type': z.enum(BUSINESS_TYPES),
  '@id': absoluteUrl.refine((id) => id.endsWith('/#organization')),
  name: text,
  url: absoluteUrl,
  description: z.string().min(1).max(160).optional(),
  logo: anyImageShape,
  image: anyImageShape,
  telephone: text.optional(),
  email: z.email().optional(),
  address: z
    .object({
      '@type': z.literal('PostalAddress'),
      streetAddress: text.optional(),
      addressLocality: text.optional(),
      addressRegion: text.optional(),
      postalCode: text.optional(),
      addressCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
    })
    .optional(),
  geo: z.object({ '@type': z.literal('GeoCoordinates'), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
  openingHoursSpecification: z.array(openingHoursShape).optional(),
  priceRange: text.max(100).optional(),
  sameAs: z.array(absoluteUrl).optional(),
  hasOfferCatalog: offerCatalogShape.optional(),
})

export const serviceShape = z.object({
  '@type': z.literal('Service'),
  '@id': absoluteUrl,
  name: text,
  description: text,
  url: canonicalUrlShape,
  provider: reference.refine((ref) => ref['@id'].endsWith('/#organization'), 'the practice'),
  offers: offerShape,
})

export const collectionPageShape = z.object({ '@type': z.literal('CollectionPage'), ...webPageFields, breadcrumb: reference, mainEntity: reference })
export const profilePageShape = z.object({ '@type': z.literal('ProfilePage'), ...webPageFields, breadcrumb: reference, mainEntity: personShape })
export const webPageShape = z.object({ '@type': z.literal('WebPage'), ...webPageFields })
export const contactPageShape = z.object({ '@type': z.literal('ContactPage'), ...webPageFields, breadcrumb: reference, about: reference })

/** Every node type the site emits, keyed by `@type`. */
export const nodeShapes: Record<string, z.ZodType> = {
  WebSite: websiteShape,
  ...Object.fromEntries(BUSINESS_TYPES.map((type) => [type, businessShape])),
  Service: serviceShape,
  ContactPage: contactPageShape,
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
