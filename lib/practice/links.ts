/**
 * Addresses she types into the practice settings: an absolute http(s) URL (a booking system, a
 * social profile) or, where a page of this site will do, a path such as `/contact`.
 */
export function validateWebAddress(value: unknown, { allowSitePath = false } = {}): true | string {
  if (value == null || value === '') return true
  if (typeof value !== 'string') return 'Enter an address.'
  const text = value.trim()
  if (allowSitePath && /^\/(?!\/)[^\s]*$/.test(text)) return true
  try {
    const url = new URL(text)
    if (url.protocol === 'https:' || url.protocol === 'http:') return true
  } catch {
    // falls through to the message
  }
  return allowSitePath
    ? 'Enter a full address starting with https:// (or a page of this site such as /contact).'
    : 'Enter a full address starting with https://.'
}
