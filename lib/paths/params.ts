import { z } from 'zod'

import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug'

/** Route params arrive from strangers: anything that is not a well-formed slug is a 404. */
export const slugParams = z.object({ slug: z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN) })

/** `/blog/page/N`: a plain positive integer, no leading zeros, signs or decimals. */
export const pageParams = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number),
})

/** `/sitemaps/sitemap/N.xml`: child sitemap N, a plain non-negative integer, then `.xml`. */
export const sitemapChunkParams = z.object({
  id: z
    .string()
    .regex(/^(0|[1-9]\d{0,5})\.xml$/)
    .transform((value) => Number(value.slice(0, -'.xml'.length))),
})

export async function parseParams<T>(schema: z.ZodType<T>, params: Promise<unknown>): Promise<T | null> {
  const result = schema.safeParse(await params)
  return result.success ? result.data : null
}
