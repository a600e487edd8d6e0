/** "$80", "€65.50": a price as visitors read it, in the service's currency. */
export function formatPrice(price: number, currency: string, locale = 'en'): string {
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: Number.isInteger(price) ? 0 : 2,
      maximumFractionDigits: 2,
    }).format(price)
  } catch {
    return `${price} ${currency}`
  }
}

/** "60 min", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** The ISO 8601 duration for a `<time datetime>`: "PT60M". */
export const isoDuration = (minutes: number) => `PT${minutes}M`

/** A link that opens the address in the visitor's own map app or site: no map script on the page. */
export function mapUrl(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`
}

/** `tel:` wants digits and a leading plus only. */
export const telHref = (telephone: string) => `tel:${telephone.replace(/[^\d+]/g, '')}`
