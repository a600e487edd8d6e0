import { allNodes } from '../richtext/lexical'
import type { Finding } from './types'

const GENERIC_ALT = new Set(['image', 'img', 'photo', 'picture', 'pic', 'untitled', 'screenshot', 'graphic', 'alt', 'placeholder'])

/** Alt text that describes nothing: empty, a file name, or a generic word. */
export function isMeaninglessAlt(alt: unknown): boolean {
  if (typeof alt !== 'string') return true
  const text = alt.trim().toLowerCase()
  if (text.length < 3) return true
  if (GENERIC_ALT.has(text)) return true
  if (/\.(jpe?g|png|webp|avif|gif|svg)$/.test(text)) return true
  return /^(img|dsc|image|photo|pxl|screenshot)[\s_-]?\d+/.test(text)
}

export type MediaAlt = { alt?: unknown; filename?: unknown }

/** Ids of the images placed in the body that are stored by id only (not populated). */
export function uploadIdsIn(content: unknown): string[] {
  const ids = allNodes(content)
    .filter((node) => node.type === 'upload' && (typeof node.value === 'string' || typeof node.value === 'number'))
    .map((node) => String(node.value))
  return [...new Set(ids)]
}

/**
 * Images in the body are checked for meaningful alt text: a populated media document is read
 * directly, an image stored by id is looked up in `mediaById` (the admin fetches those), and one
 * found in neither is skipped rather than guessed about.
 */
export function checkImageAlt(content: unknown, mediaById: Record<string, MediaAlt> = {}): Finding[] {
  const missing: string[] = []
  for (const node of allNodes(content)) {
    if (node.type !== 'upload') continue
    const value = node.value
    const media = value && typeof value === 'object' ? (value as MediaAlt) : mediaById[String(value)]
    if (!media) continue
    const { alt, filename } = media
    if (isMeaninglessAlt(alt)) missing.push(typeof filename === 'string' ? filename : 'an image')
  }
  if (missing.length === 0) return []
  return [
    {
      level: 'warning',
      code: 'image-alt',
      message: missing.length === 1 ? 'An image lacks a useful description.' : `${missing.length} images lack a useful description.`,
      detail: 'Edit the image under Images and describe what it shows, e.g. “Therapist massaging a client’s shoulders”.',
      items: missing,
    },
  ]
}
