import { z } from 'zod'

/**
 * The backup archive's layout (a gzipped tar), shared by export and import:
 *
 *   manifest.json                  what the archive holds (below)
 *   collections/<slug>.ndjson      every document of a collection, one JSON object a line
 *   versions/<slug>.ndjson         every stored version (drafts, autosaves, published), oldest first
 *   globals/<slug>.json            each global that was ever saved (the practice settings), as stored
 *   uploads/<slug>/<file>          every file in an upload collection's folder (media: data/media),
 *                                  generated sizes included
 *
 * Documents are stored as the database adapter returns them (hidden fields such as users' password
 * hash and salt included, no access control, no hooks), so an import restores them unchanged.
 */
export const BACKUP_FORMAT = 'wellpress-backup'
/**
 * Bump when the layout changes in a way an older import cannot read. 2: globals (the practice
 * settings), which an import of format 1 would silently leave behind.
 */
export const BACKUP_FORMAT_VERSION = 2

export const MANIFEST_FILE = 'manifest.json'
export const collectionFile = (slug: string) => `collections/${slug}.ndjson`
export const versionsFile = (slug: string) => `versions/${slug}.ndjson`
export const globalFile = (slug: string) => `globals/${slug}.json`
export const uploadFile = (slug: string, relative: string) => `uploads/${slug}/${relative}`

/**
 * Payload's own bookkeeping that belongs to one database, not to the site: the migrations already
 * applied (the target applies its own) and documents locked by someone editing right now.
 * Everything else (content, users, preferences, pending scheduled-publish jobs) is backed up.
 */
export const NOT_BACKED_UP = ['payload-migrations', 'payload-locked-documents'] as const

const count = z.number().int().min(0)

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string(),
  payloadVersion: z.string(),
  createdAt: z.iso.datetime(),
  source: z.object({ adapter: z.string() }),
  /** Documents and versions per collection, in the order import must restore them. */
  collections: z.array(z.object({ slug: z.string().min(1), docs: count, versions: count.nullable() })),
  /** Globals that were saved at the time of the export (format 1 had none). */
  globals: z.array(z.object({ slug: z.string().min(1) })).default([]),
  uploads: z.object({
    files: z.array(
      z.object({ collection: z.string().min(1), path: z.string().min(1), bytes: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    ),
    /** Files that upload documents name but that were not in the folder when exporting. */
    missing: z.array(z.string()),
  }),
})

export type Manifest = z.infer<typeof manifestSchema>

/** A stored document as the adapter gives it: always a string id in Wellpress (uuid or ObjectId). */
export type StoredDoc = Record<string, unknown> & { id: string }

/** A stored version (`_articles_v` row): its parent document, the document's data then, and flags. */
export type StoredVersion = {
  id: string
  parent: string
  version: Record<string, unknown>
  createdAt: string
  updatedAt: string
  latest?: boolean | null
  autosave?: boolean | null
  publishedLocale?: string | null
  snapshot?: boolean | null
}

/** `12.3 MB`: sizes in progress lines and reports. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/** Upload paths come from an archive someone may have edited: only plain relative paths, inside the folder. */
export function isSafeMediaPath(relative: string): boolean {
  return (
    relative.length > 0 &&
    !relative.startsWith('/') &&
    !relative.includes('\\') &&
    !relative.includes('\0') &&
    relative.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  )
}
