import { site } from '../config/site'

/** Absolute URL on the public site for a path such as `/blog/my-article`. */
export function absoluteUrl(pathname: string): string {
  return `${site.url}${pathname.startsWith('/') ? pathname : `/${pathname}`}`
}

/**
 * Makes a site-relative URL (`/blog/x`, Payload's `/api/media/file/y.webp`) absolute on `siteUrl`;
 * URLs that are already absolute (an external link, media on a storage host) stay as they are.
 * Joined like absoluteUrl(), so a SITE_URL with a path prefix keeps it.
 */
export function toAbsoluteUrl(url: string, siteUrl: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${siteUrl}${url}` : url
}
