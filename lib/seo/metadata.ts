import type { Metadata } from 'next'

import { absoluteUrl, site } from '../site'

export const DESCRIPTION_MAX_LENGTH = 160

/** Trims to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function toDescription(text: string | null | undefined, max = DESCRIPTION_MAX_LENGTH): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), 0)) || cut
  return `${atWord.replace(/[\s,;:.!?-]+$/, '')}…`
}

type PageMetadataInput = {
  /** The page's own title; the layout's template adds the site name. */
  title: string
  description: string | null | undefined
  /** Path on this site, e.g. `/blog/my-article`; the canonical URL is built from SITE_URL. */
  path: string
  type?: 'website' | 'article' | 'profile'
}

/** One builder for every page's title, description, canonical URL and Open Graph basics. */
export function pageMetadata({ title, description, path, type = 'website' }: PageMetadataInput): Metadata {
  const canonical = absoluteUrl(path)
  const text = toDescription(description || site.description)
  return {
    title,
    description: text,
    alternates: { canonical },
    openGraph: { title, description: text, url: canonical, siteName: site.name, type, locale: 'en_US' },
  }
}

/** The root layout's defaults: title template and the base for relative metadata URLs. */
export const rootMetadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name} · ${site.tagline}`, template: `%s · ${site.name}` },
  description: toDescription(site.description),
  applicationName: site.name,
}
