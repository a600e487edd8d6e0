import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { env } from '../lib/config/env'
import { ALT_TEXT_GUIDANCE, ALT_TEXT_MAX_LENGTH, validateAltText } from '../lib/media/altText'
import { ACCEPTED_IMAGE_MIME_TYPES } from '../lib/media/imageType'
import { wordpressKeyField } from '../lib/wordpress/fields'
import { anyone, authenticated } from './access'
import { checkImageUpload } from './hooks/checkImageUpload'
import { missingFileIs404 } from './hooks/missingFileIs404'
import { revalidateAfterChange, revalidateAfterDelete } from './hooks/revalidate'
import { s3Settings } from '../lib/storage/s3'
import { MEDIA } from '../lib/collections'

export const MEDIA_DIR = path.resolve(process.cwd(), 'data/media')

/**
 * Formats of the generated sizes. Each size needs its own: the upload-wide `formatOptions` converts
 * only the original, and sizes would otherwise keep the uploaded format (a camera's JPEG, a PNG).
 * AVIF at quality 55 looks like WebP at 82 and is a fifth to a half smaller. Effort 2, not sharp's
 * default 4: on photos here it made files as small, about 7× faster (0.15 s against 1 s for a
 * 1,169 px photo on this 2-core machine), so an upload's two AVIF sizes stay well under a second.
 * Share images are JPEG: not every site that shows link previews reads WebP or AVIF.
 */
const WEBP = { format: 'webp', options: { quality: 82 } } as const
const AVIF = { format: 'avif', options: { quality: 55, effort: 2 } } as const
const JPEG = { format: 'jpeg', options: { quality: 85, mozjpeg: true } } as const

/** Photos and graphics the site can resize and serve: no SVG (it can carry script), no GIF. */
export const IMAGE_MIME_TYPES = [...ACCEPTED_IMAGE_MIME_TYPES]

export const Media: CollectionConfig<typeof MEDIA> = {
  slug: MEDIA,
  labels: { singular: 'Image', plural: 'Images' },
  access: { read: anyone, create: authenticated, update: authenticated, delete: authenticated },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  // A changed or deleted image (its alt text, focal point) purges every cached page showing images.
  hooks: {
    beforeOperation: [checkImageUpload],
    afterChange: [revalidateAfterChange],
    afterDelete: [revalidateAfterDelete],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: ALT_TEXT_MAX_LENGTH,
      // Not just required: a file name or "photo" is refused too (lib/media/altText.ts).
      validate: (value: unknown) => validateAltText(value),
      admin: { description: `For people who cannot see the image, and for search engines. ${ALT_TEXT_GUIDANCE}` },
    },
    { name: 'caption', type: 'text' },
    wordpressKeyField,
  ],
  upload: {
    // Kept under data/ so one folder (one Docker volume) holds everything the site stores.
    staticDir: MEDIA_DIR,
    // In a bucket (S3_BUCKET), the storage plugin serves the files, and answers 404 for missing ones.
    handlers: s3Settings(env) ? [] : [missingFileIs404(MEDIA_DIR)],
    mimeTypes: IMAGE_MIME_TYPES,
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    formatOptions: WEBP,
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre', formatOptions: WEBP },
      { name: 'card', width: 640, height: 400, position: 'centre', formatOptions: WEBP },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: WEBP },
      { name: 'og', width: 1200, height: 630, position: 'centre', formatOptions: JPEG },
      // AVIF twins of the sizes pages show large: components/MediaImage.tsx offers them first in a
      // <picture>, with the WebP size for browsers without AVIF.
      { name: 'cardAvif', width: 640, height: 400, position: 'centre', formatOptions: AVIF },
      { name: 'heroAvif', width: 1600, withoutEnlargement: true, formatOptions: AVIF },
    ],
  },
}
