import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import { ALT_TEXT_MAX_LENGTH, validateAltText } from '../media/altText'
import { formatMegabytes, MAX_IMAGE_BYTES, sniffImageType } from '../media/imageType'
import { truncateAtWord } from '../seo/summary'
import { isImagePath, type OldSite, oldSiteUrl, originalOfSize, safeRelativePath, uploadPath, withoutEditSuffix } from './addresses'
import type { WpAttachment } from './model'

/**
 * The old site's images: attachments (the media library) and images that posts show, each known by
 * one key, its path below wp-content/uploads (`2019/03/photo.jpg`), whichever size a post showed
 * (`photo-1024x683.jpg` is `photo.jpg`). Files are read from the `--uploads` folder, a copy of
 * wp-content/uploads.
 */

export type MediaSource = {
  key: string
  attachment: WpAttachment | null
  /** Paths below the uploads folder to try, best first. */
  candidates: string[]
}

export class MediaIndex {
  private readonly byId = new Map<number, WpAttachment>()
  private readonly byPath = new Map<string, WpAttachment>()
  private readonly sources = new Map<string, MediaSource>()

  constructor(
    private readonly site: OldSite,
    private readonly uploadsDir: string | null,
  ) {}

  /** Registers an attachment; only images become media. */
  addAttachment(attachment: WpAttachment): boolean {
    const key = this.keyOf(attachment)
    if (!key || !isImagePath(key)) return false
    this.byId.set(attachment.id, attachment)
    const candidates = [key, withoutEditSuffix(key)]
    const fromUrl = this.uploadPathOf(attachment.url)
    if (fromUrl) candidates.push(fromUrl)
    for (const alias of new Set([key, withoutEditSuffix(key)])) this.byPath.set(alias, attachment)
    this.sources.set(key, { key, attachment, candidates: [...new Set(candidates)] })
    return true
  }

  attachment(id: number): WpAttachment | undefined {
    return this.byId.get(id)
  }

  attachments(): WpAttachment[] {
    return [...this.byId.values()]
  }

  keyOf(attachment: WpAttachment): string | null {
    return safeRelativePath(attachment.attachedFile) ?? this.uploadPathOf(attachment.url)
  }

  source(key: string): MediaSource | undefined {
    return this.sources.get(key)
  }

  private uploadPathOf(url: string): string | null {
    try {
      return uploadPath(new URL(url, this.site.home))
    } catch {
      return null
    }
  }

  /**
   * The key of the image a post shows: by its attachment id (`wp-image-12`), else by its file.
   * An image from the old site's uploads that is not in the media library is still an upload
   * (it gets a key of its own); an image from another site is not (null).
   */
  locate({ src, attachmentId }: { src: string; attachmentId: number | null }): string | null {
    const byId = attachmentId ? this.byId.get(attachmentId) : undefined
    if (byId) return this.keyOf(byId)
    if (!src) return null
    let url: URL
    try {
      url = new URL(src, this.site.home)
    } catch {
      return null
    }
    return this.keyOfUrl(url)
  }

  /** The key of the uploaded image a URL shows (any of its sizes), or null. */
  keyOfUrl(url: URL): string | null {
    const relative = uploadPath(url)
    if (!relative || !isImagePath(relative)) return null
    const original = originalOfSize(relative)
    const attachment = this.byPath.get(original) ?? this.byPath.get(relative)
    if (attachment) return this.keyOf(attachment)
    // Not in the media library: ours if it was on the old site (or a CDN in front of it whose
    // file is in the uploads copy), not if it is another WordPress site's.
    const onOldSite = oldSiteUrl(url.href, this.site) !== null
    if (!onOldSite && !this.exists(original) && !this.exists(relative)) return null
    const known = this.sources.get(original)
    if (known) {
      if (!known.candidates.includes(relative)) known.candidates.push(relative)
    } else this.sources.set(original, { key: original, attachment: null, candidates: [original, relative] })
    return original
  }

  private exists(relative: string): boolean {
    return this.findFile([relative]) !== null
  }

  /** The first candidate present in the uploads folder, as an absolute path. */
  findFile(candidates: string[]): string | null {
    if (!this.uploadsDir) return null
    const root = path.resolve(this.uploadsDir)
    for (const candidate of candidates) {
      const relative = safeRelativePath(candidate)
      if (!relative) continue
      const file = path.resolve(root, relative)
      if (!file.startsWith(`${root}${path.sep}`)) continue
      try {
        if (existsSync(file) && statSync(file).isFile()) return file
      } catch {
        // unreadable: treated as missing
      }
    }
    return null
  }
}

/** What goes to the Media collection: bytes it accepts, or why a file cannot be imported. */
export type PreparedImage =
  | { ok: true; data: Buffer; mimetype: string; name: string; size: number; note?: string }
  | { ok: false; problem: string }

/**
 * Longest side of a photo that had to be made smaller: first twice the largest size the site
 * shows, then smaller steps while the file is still over the limit.
 */
const RESIZE_STEPS = [
  { side: 2560, quality: 85 },
  { side: 2048, quality: 80 },
  { side: 1600, quality: 75 },
]

/**
 * Reads an image for the Media collection. JPEG, PNG, WebP and AVIF within the size limit go as
 * they are. A GIF, TIFF, BMP or HEIC (which the site does not take) is converted: to PNG when it
 * has transparency, else to JPEG; a photo over the limit is made smaller. SVG is refused (it can
 * carry script), as the admin refuses it.
 */
export async function prepareImage(file: string, maxBytes = MAX_IMAGE_BYTES): Promise<PreparedImage> {
  const data = await readFile(file)
  const name = path.basename(file)
  const type = sniffImageType(data.subarray(0, 64))
  if (type && data.length <= maxBytes) return { ok: true, data, mimetype: type, name, size: data.length }
  const head = data.subarray(0, 512).toString('utf8').trimStart()
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg\b/i.test(head) || /\.svgz?$/i.test(name)) {
    return { ok: false, problem: 'an SVG image, which the site does not accept (SVG files can carry script): save it as PNG and add it by hand' }
  }
  let metadata: sharp.Metadata
  try {
    metadata = await sharp(data).metadata()
  } catch {
    return { ok: false, problem: 'not an image the site can read' }
  }
  const asPng = Boolean(metadata.hasAlpha)
  let output: Buffer = data
  for (const { side, quality } of RESIZE_STEPS) {
    const pipeline = sharp(data, { animated: false }).rotate().resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    output = asPng ? await pipeline.png().toBuffer() : await pipeline.jpeg({ quality, mozjpeg: true }).toBuffer()
    if (output.length <= maxBytes) break
  }
  if (output.length > maxBytes) {
    return { ok: false, problem: `larger than the ${formatMegabytes(maxBytes)} limit even when made smaller (${formatMegabytes(output.length)})` }
  }
  const extension = asPng ? 'png' : 'jpg'
  const format = (metadata.format ?? 'unknown').toUpperCase()
  const note = type
    ? `made smaller: ${formatMegabytes(data.length)} is over the ${formatMegabytes(maxBytes)} limit`
    : `converted from ${format} to ${extension.toUpperCase()}${(metadata.pages ?? 1) > 1 ? ' (only its first frame: the site shows no animations)' : ''}`
  return {
    ok: true,
    data: output,
    mimetype: asPng ? 'image/png' : 'image/jpeg',
    name: name.replace(/\.[^.]+$/, '') + `.${extension}`,
    size: output.length,
    note,
  }
}

/** A title WordPress made from the file name (`massage-room`, `IMG_2040`) describes nothing. */
function isFileStem(title: string, key: string): boolean {
  const stem = (name: string) => name.replace(/\.[^.]+$/, '')
  const simplify = (value: string) => value.toLowerCase().replace(/[\s_-]+/g, ' ').trim()
  const file = path.basename(key)
  return [stem(file), stem(withoutEditSuffix(file))].some((name) => simplify(name) === simplify(title))
}

/**
 * Alt text for an imported image: the first of the attachment's alt text, the alt text a post gave
 * it, its caption and its title (unless that is only the file's name) that the site accepts as
 * meaningful (lib/media/altText.ts). When none is, a placeholder naming where the image was shown,
 * `made: true`, for the summary to ask for a real description.
 */
export function chooseAlt(candidates: { alt?: string; contentAlt?: string; caption?: string; title?: string }, key: string, shownIn: string): { alt: string; made: boolean } {
  const title = candidates.title && !isFileStem(candidates.title, key) ? candidates.title : undefined
  for (const candidate of [candidates.alt, candidates.contentAlt, candidates.caption, title]) {
    const text = candidate?.replace(/\s+/g, ' ').trim()
    if (text && validateAltText(text) === true) return { alt: text, made: false }
  }
  const made = truncateAtWord(`Picture from ${shownIn}`, ALT_TEXT_MAX_LENGTH)
  return { alt: validateAltText(made) === true ? made : 'Picture imported from the old blog', made: true }
}
