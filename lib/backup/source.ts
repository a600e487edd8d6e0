import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

import type { TargetAdapter } from './ids'
import { NOT_BACKED_UP } from './format'
import { restoreOrder } from './order'

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version
}

export function payloadVersion(): string {
  const file = path.join(appRoot, 'node_modules', 'payload', 'package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

export function adapterOf(payload: Payload): TargetAdapter {
  const name = payload.db.name
  if (name === 'sqlite') return 'sqlite'
  if (name === 'mongoose') return 'mongodb'
  throw new Error(`Backups support the SQLite and MongoDB adapters, not "${name}".`)
}

/** Every collection a backup holds, in restore order (referenced collections first). */
export function backedUpCollections(payload: Payload): CollectionSlug[] {
  const configs = payload.config.collections.filter(
    (collection) => !(NOT_BACKED_UP as readonly string[]).includes(collection.slug),
  )
  return restoreOrder(configs) as CollectionSlug[]
}

/** Every global a backup holds (the practice settings). */
export function backedUpGlobals(payload: Payload): GlobalSlug[] {
  return payload.config.globals.map((global) => global.slug as GlobalSlug)
}

export function hasVersions(payload: Payload, slug: CollectionSlug): boolean {
  return Boolean(payload.collections[slug]?.config.versions)
}

/** The folder an upload collection stores its files in (Media: data/media under the working directory). */
export function uploadDirs(payload: Payload): { slug: CollectionSlug; dir: string }[] {
  return payload.config.collections.flatMap((collection) => {
    const upload = collection.upload
    if (!upload || typeof upload !== 'object' || !upload.staticDir) return []
    return [{ slug: collection.slug as CollectionSlug, dir: path.resolve(upload.staticDir) }]
  })
}
