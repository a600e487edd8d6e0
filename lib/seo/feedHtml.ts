import { toAbsoluteUrl } from '../paths/urls'

/**
 * HTML as feed readers get it. The article's HTML itself is the page's (components/ArticleBody.tsx,
 * rendered by components/articleFeedHtml.ts); what is feed-only lives here.
 */

/** Text for a feed field that readers read as HTML (RSS <description>, Atom's type="html"). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/**
 * Class names a feed keeps: `benefit-list`, which the feeds have always carried on the numbered
 * benefits. Every other class on the page (CSS modules, `prose`) belongs to the site's stylesheet,
 * which a feed reader does not have: it would only be noise there.
 */
const FEED_CLASS_NAMES = new Set(['benefit-list'])

/**
 * One attribute as React writes it: ` name="value"` (`srcSet` in React's spelling). React escapes
 * `"` in text and in attribute values alike (`&quot;`), so in its output this pattern can only be
 * a real attribute, never words of the article that happen to read `href="…"`.
 */
const ATTRIBUTE = / (href|src|srcset|class)="([^"]*)"/gi

/**
 * The page's markup made fit for a feed reader, which shows it away from the site: site-relative
 * URLs (`/benefits/x`, `/api/media/file/y.webp`) become absolute on `siteUrl`, `srcset` candidate by
 * candidate, and classes other than FEED_CLASS_NAMES go. Nothing else changes, so the feed carries
 * the page's markup (tests/int/feed-content.test.ts holds them together). Meant for React's output.
 */
export function forFeedReaders(markup: string, siteUrl: string): string {
  const absolute = (url: string) => toAbsoluteUrl(url, siteUrl)
  return markup.replace(ATTRIBUTE, (_match, attribute: string, value: string) => {
    const name = attribute.toLowerCase()
    if (name === 'class') {
      const kept = value.split(/\s+/).filter((name) => FEED_CLASS_NAMES.has(name))
      return kept.length ? ` class="${kept.join(' ')}"` : ''
    }
    const rewritten =
      name === 'srcset'
        ? value
            .split(',')
            .map((candidate) => candidate.trim().replace(/^\S+/, absolute))
            .join(', ')
        : absolute(value)
    return ` ${attribute}="${rewritten}"`
  })
}
