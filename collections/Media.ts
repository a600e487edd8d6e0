import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone, authenticated } from './access'
import { MEDIA } from './slugs'

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

export const Media: CollectionConfig<typeof MEDIA> = {
  slug: MEDIA,
  labels: { singular: 'Image', plural: 'Images' },
  access: { read: anyone, create: authenticated, update: authenticated, delete: authenticated },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 250,
      admin: { description: 'Describe the image for people who cannot see it, e.g. "Therapist massaging a client\'s shoulders".' },
    },
    { name: 'caption', type: 'text' },
  ],
  upload: {
    // Kept under data/ so one folder (one Docker volume) holds everything the site stores.
    staticDir: path.resolve(process.cwd(), 'data/media'),
    mimeTypes: IMAGE_MIME_TYPES,
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    formatOptions: { format: 'webp', options: { quality: 82 } },
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
      { name: 'card', width: 640, height: 400, position: 'centre' },
      { name: 'hero', width: 1600, withoutEnlargement: true },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
  },
}
