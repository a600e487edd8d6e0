import { PRACTICE } from '../collections'
import type { Media, Practice } from '../../payload-types'
import { practiceReadTags } from '../cache/tags'
import { getPayloadClient } from '../config/payload'
import { accentPalette } from '../practice/contrast'
import { PLACEHOLDER_PRACTICE } from '../practice/placeholder'
import { documentPath, isPublicPageCollection } from '../paths/routes'
import { cachedQuery } from './cached'
import { imageSelect } from './select'

export type MenuEntry = { label: string; href: string }

type ImageDoc = Pick<Media, 'id' | 'alt' | 'url' | 'width' | 'height' | 'sizes' | 'mimeType' | 'filename'>

/**
 * The practice as every page shows it: the settings with links resolved to addresses and images
 * populated. What the site shows of it is named here and nowhere else: its name, tagline and
 * description replace any name hard-coded in the product.
 */
export type PracticeData = Omit<Practice, 'logo' | 'heroImage' | 'navigation' | 'sameAs' | 'updatedAt' | 'createdAt'> & {
  logo: ImageDoc | null
  heroImage: ImageDoc | null
  navigation: MenuEntry[]
  sameAs: string[]
  accent: { accent: string; strong: string }
}

/** The practice's name, tagline and description: what titles, feeds and JSON-LD need of it. */
export type SiteIdentity = Pick<PracticeData, 'name' | 'tagline' | 'description'>

type NavigationRow = NonNullable<Practice['navigation']>[number]

function menuHref(row: NavigationRow): string | null {
  const link = row.link
  if (link?.type === 'document') {
    const target = link.document
    if (!target || typeof target.value !== 'object' || !isPublicPageCollection(target.relationTo)) return null
    return documentPath(target.relationTo, (target.value as { slug?: string | null }).slug)
  }
  return link?.url?.trim() || null
}

const image = (value: Practice['logo']): ImageDoc | null => (value && typeof value === 'object' ? value : null)

/** Settings never saved (a database the seed did not fill) read as the placeholders. */
export function toPracticeData(stored: Partial<Practice>): PracticeData {
  const practice = { ...PLACEHOLDER_PRACTICE, ...stripEmpty(stored), name: stored.name?.trim() || PLACEHOLDER_PRACTICE.name }
  const { logo, heroImage, navigation, sameAs, updatedAt: _updated, createdAt: _created, ...rest } = practice as Practice
  return {
    ...rest,
    businessType: rest.businessType ?? PLACEHOLDER_PRACTICE.businessType,
    logo: image(logo),
    heroImage: image(heroImage),
    navigation: (navigation ?? []).flatMap((row) => {
      const href = menuHref(row)
      return href && row.label ? [{ label: row.label, href }] : []
    }),
    sameAs: (sameAs ?? []).map((row) => row.url).filter(Boolean),
    accent: accentPalette(rest.accentColor),
  }
}

/** Fields the global has never stored come back null or undefined: they keep the placeholder only when the whole global was never saved. */
function stripEmpty(stored: Partial<Practice>): Partial<Practice> {
  return stored.name ? stored : {}
}

/**
 * Every page reads this (header, titles, footer), so its tags are on every page: only the
 * practice's own and the images' (lib/cache/tags.ts `practiceReadTags`). The pages the menu links
 * to purge the practice's tag themselves when they change (collections/hooks/revalidate.ts).
 */
export const getPractice = cachedQuery('getPractice', () => practiceReadTags, async (): Promise<PracticeData> => {
  const payload = await getPayloadClient()
  const stored = await payload.findGlobal({
    slug: PRACTICE,
    overrideAccess: false,
    depth: 1,
    populate: {
      media: { ...imageSelect, mimeType: true },
      articles: { slug: true },
      benefits: { slug: true },
      services: { slug: true },
      authors: { slug: true },
      topics: { slug: true },
    },
  })
  return toPracticeData(stored)
})
