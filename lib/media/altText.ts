/**
 * What counts as meaningful alt text. Screen readers read it aloud in place of the image, and
 * search engines read it to understand the picture, so a file name or a word like "image" helps
 * nobody: the upload is refused with a message that says what to write instead.
 */

export const ALT_TEXT_MIN_LENGTH = 5
export const ALT_TEXT_MAX_LENGTH = 250

/** Words that say an image is there without saying what it shows. */
const GENERIC_WORDS = new Set([
  'image',
  'images',
  'img',
  'photo',
  'photos',
  'photograph',
  'picture',
  'pic',
  'pict',
  'untitled',
  'screenshot',
  'screen shot',
  'graphic',
  'logo',
  'icon',
  'banner',
  'alt',
  'alt text',
  'placeholder',
  'file',
  'dsc',
  'pxl',
  'new',
  'copy',
  'final',
  'edited',
  'untitled design',
  'hero',
  'thumbnail',
])

/** `IMG_1234.jpg`, `photo.png`, `DSC01234`, `Screenshot 2024-05-01 at 10.15.32`, `PXL_20240501_101532`. */
const FILE_NAME = /\.(?:jpe?g|png|webp|avif|gif|heic|heif|tiff?|bmp|svg)$/i
const CAMERA_NAME = /^(?:img|dsc|dscn|dscf|pxl|mvimg|pict|dcim|gopr|wp|photo|image|screenshot|screen shot)[\s_-]*[\d_\s.-]+(?:\s*(?:at|am|pm)[\s\d.:-]*)*$/i

export const ALT_TEXT_GUIDANCE =
  'Describe what the image shows in a short sentence, as you would to someone on the phone, e.g. "Therapist massaging a client\'s shoulders". Leave out "image of" and file names.'

/** Lowercased words of the text with separators and digits dropped: "IMG_1234 (copy)" → "img copy". */
function genericCandidate(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\d_\-.()[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * `true`, or a message telling the therapist what is wrong and what good alt text is. Usable as
 * a Payload field `validate` (it also receives Payload's extra arguments, which it ignores).
 */
export function validateAltText(value: unknown): true | string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return `Add alt text. ${ALT_TEXT_GUIDANCE}`
  if (text.length > ALT_TEXT_MAX_LENGTH) {
    return `Keep alt text under ${ALT_TEXT_MAX_LENGTH} characters: describe the image briefly and put longer detail in the caption or the article.`
  }
  if (FILE_NAME.test(text) || CAMERA_NAME.test(text)) {
    return `"${text}" looks like a file name, which tells readers nothing. ${ALT_TEXT_GUIDANCE}`
  }
  const candidate = genericCandidate(text)
  if (!candidate || GENERIC_WORDS.has(candidate) || candidate.split(' ').every((word) => GENERIC_WORDS.has(word))) {
    return `"${text}" only says there is an image, not what it shows. ${ALT_TEXT_GUIDANCE}`
  }
  if (text.length < ALT_TEXT_MIN_LENGTH) {
    return `"${text}" is too short to describe the image (at least ${ALT_TEXT_MIN_LENGTH} characters). ${ALT_TEXT_GUIDANCE}`
  }
  return true
}
