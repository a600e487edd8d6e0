/**
 * Makes a site-relative URL (`/blog/x`, Payload's `/api/media/file/y.webp`) absolute on `siteUrl`;
 * URLs that are already absolute (an external link, media on a storage host) stay as they are.
 * Joined like absoluteUrl() in lib/config/site.ts, so a SITE_URL with a path prefix keeps it.
 */
export function toAbsoluteUrl(url: string, siteUrl: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${siteUrl}${url}` : url
}
