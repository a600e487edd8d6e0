/**
 * The image formats the site accepts, recognised by their first bytes rather than by the file
 * name or the browser's claim: a text file renamed `photo.png` is not a PNG.
 */

export const ACCEPTED_IMAGE_TYPES = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/avif': 'AVIF',
} as const

export type AcceptedImageType = keyof typeof ACCEPTED_IMAGE_TYPES

export const ACCEPTED_IMAGE_MIME_TYPES = Object.keys(ACCEPTED_IMAGE_TYPES) as AcceptedImageType[]

/** 10 MB: a phone photo is 2–6 MB; the site serves resized copies (at most 1600 px wide) anyway. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024

/** How many leading bytes `sniffImageType` needs. */
export const SNIFF_BYTES = 64

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end))

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, i) => bytes[i] === byte)

/** The accepted image type the bytes begin with, or null (text, SVG, GIF, PDF, truncated data…). */
export function sniffImageType(bytes: Uint8Array): AcceptedImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp'
  // ISO base media: [size][ftyp][major brand][minor version][compatible brands…]
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === 'ftyp') {
    const boxSize = Math.min(new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0), bytes.length)
    const brands = [ascii(bytes, 8, 12)]
    for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4))
    if (brands.includes('avif') || brands.includes('avis')) return 'image/avif'
  }
  return null
}

export const formatMegabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

export const UNSUPPORTED_IMAGE_MESSAGE = `This file is not a JPEG, PNG, WebP or AVIF image. Export or save it in one of those formats (a photo as JPEG, a graphic as PNG) and upload it again.`

export const imageTooLargeMessage = (bytes?: number) =>
  `This image is ${bytes ? `${formatMegabytes(bytes)}, ` : ''}larger than the ${formatMegabytes(MAX_IMAGE_BYTES)} limit. Save a smaller copy (2000 pixels wide is plenty) as JPEG or WebP and upload that.`
