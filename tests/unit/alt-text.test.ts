import { ALT_TEXT_MAX_LENGTH, validateAltText } from '@/lib/media/altText'
import { formatMegabytes, imageTooLargeMessage, MAX_IMAGE_BYTES, sniffImageType } from '@/lib/media/imageType'

describe('validateAltText', () => {
  it.each([
    'Therapist massaging a client’s shoulders',
    'Hot stones on a towel',
    'Janet smiling in her treatment room',
    'Photo of a foot massage', // says what it shows, so it passes
    'Lymph nodes diagram',
  ])('accepts a description: %j', (alt) => {
    expect(validateAltText(alt)).toBe(true)
  })

  it.each([
    ['', /Add alt text/],
    ['   ', /Add alt text/],
    [null, /Add alt text/],
    ['IMG_1234.jpg', /file name/],
    ['IMG_1234', /file name/],
    ['photo.png', /file name/],
    ['DSC01234', /file name/],
    ['PXL_20240501_101532', /file name/],
    ['Screenshot 2024-05-01 at 10.15.32', /file name/],
    ['hands.webp', /file name/],
    ['image', /only says there is an image/],
    ['Photo', /only says there is an image/],
    ['picture', /only says there is an image/],
    ['Untitled', /only says there is an image/],
    ['screenshot', /only says there is an image/],
    ['image (1)', /only says there is an image/],
    ['hand', /too short/],
  ])('refuses %j with a message saying what good alt text is', (alt, reason) => {
    const result = validateAltText(alt)
    expect(result).toMatch(reason)
    expect(result).toMatch(/Describe what the image shows/)
  })

  it(`refuses more than ${ALT_TEXT_MAX_LENGTH} characters`, () => {
    expect(validateAltText('a'.repeat(ALT_TEXT_MAX_LENGTH + 1))).toMatch(/under 250 characters/)
  })
})

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)))

describe('sniffImageType', () => {
  it('recognises JPEG, PNG, WebP and AVIF by their first bytes', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg')
    expect(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toBe('image/png')
    expect(sniffImageType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp')
    expect(sniffImageType(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'))).toBe('image/avif')
    expect(sniffImageType(bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'mif1avifmiaf'))).toBe('image/avif')
  })

  it('refuses text, SVG, GIF, HEIC, PDF and empty files whatever their name', () => {
    expect(sniffImageType(bytes('hello, I am a text file renamed photo.png'))).toBeNull()
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull()
    expect(sniffImageType(bytes('GIF89a'))).toBeNull()
    expect(sniffImageType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBeNull()
    expect(sniffImageType(bytes('%PDF-1.7'))).toBeNull()
    expect(sniffImageType(new Uint8Array())).toBeNull()
  })
})

describe('size limit message', () => {
  it('names the limit and the file’s size, and what to do', () => {
    expect(formatMegabytes(MAX_IMAGE_BYTES)).toBe('10 MB')
    expect(imageTooLargeMessage(12.5 * 1024 * 1024)).toBe(
      'This image is 12.5 MB, larger than the 10 MB limit. Save a smaller copy (2000 pixels wide is plenty) as JPEG or WebP and upload that.',
    )
  })
})
