/**
 * The accent colour is text (links) on the page background and the background of white button
 * text, so it must reach WCAG's 4.5:1 for body text on the page background (#fbfaf7, the darker
 * of the two backgrounds the site uses; white gives every colour a higher ratio still).
 */
export const PAGE_BACKGROUND = '#fbfaf7'
export const MIN_TEXT_CONTRAST = 4.5
/** The site's own accent, used until she picks one. */
export const DEFAULT_ACCENT = '#2f6b5b'

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i

export const isHexColor = (value: string) => HEX_COLOR.test(value.trim())

function channels(hex: string): [number, number, number] {
  const digits = hex.trim().slice(1)
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as [number, number, number]
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2 contrast ratio of two hex colours, from 1 to 21. */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a)
  return (light + 0.05) / (dark + 0.05)
}

/** `true` when fine, else the message the admin shows under the field. */
export function validateAccentColor(value: string | null | undefined): true | string {
  if (value == null || value.trim() === '') return true
  if (!isHexColor(value)) return 'Write the colour as a hex code such as #2f6b5b.'
  const ratio = contrastRatio(value, PAGE_BACKGROUND)
  if (ratio >= MIN_TEXT_CONTRAST) return true
  return `This colour is too light to read on the page background: its contrast is ${ratio.toFixed(2)}:1 and text needs at least ${MIN_TEXT_CONTRAST}:1. Choose a darker shade.`
}

/** Six-digit lowercase form, and the darker shade links take on hover. */
export function accentPalette(value: string | null | undefined): { accent: string; strong: string } {
  const accent = value && validateAccentColor(value) === true && value.trim() ? value.trim().toLowerCase() : DEFAULT_ACCENT
  const [r, g, b] = channels(accent)
  const darker = (channel: number) => Math.round(channel * 0.72).toString(16).padStart(2, '0')
  const six = `#${channels(accent).map((c) => c.toString(16).padStart(2, '0')).join('')}`
  return { accent: six, strong: `#${darker(r)}${darker(g)}${darker(b)}` }
}
