import { existsSync } from 'node:fs'
import { copyFile, lstat, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import type { CollectionSlug, GlobalSlug, Payload, PayloadRequest } from 'payload'

import { type BucketFiles, contentTypeOf, mediaBucket } from '../storage/s3'

import { BackupError, openArchive, readNdjson } from './archive'
import { hashFile } from './export'
import { collectionFile, globalFile, isSafeMediaPath, type Manifest, type StoredDoc, type StoredVersion, uploadFile, versionsFile } from './format'
import { keepsId, objectIdFor, rewriteIds, type TargetAdapter } from './ids'
import { silentProgress, type Progress } from './progress'
import { adapterOf, backedUpCollections, backedUpGlobals, hasVersions, uploadDirs } from './source'

export type ImportReport = {
  target: TargetAdapter
  collections: { slug: string; docs: number; versions: number | null }[]
  /** Globals restored (the practice settings). */
  globals: string[]
  files: { copied: number; alreadyThere: number; bytes: number }
  /** Documents that got a new id because the target cannot store theirs (uuid → MongoDB). */
  newIds: number
}

/**
 * Restores a backup made by `exportBackup` into an empty database (SQLite or MongoDB) and copies its
 * files into the upload folders. Writes go through the database adapter, so no hook runs: no cache
 * purge, no slug-change redirect, no "publishedAt" stamping; documents, versions, timestamps and
 * password hashes land exactly as exported. Everything is checked before the first write.
 */
export async function importBackup(
  payload: Payload,
  archiveFile: string,
  progress: Progress = silentProgress,
  bucket: BucketFiles | undefined = mediaBucket(),
): Promise<ImportReport> {
  const archive = await openArchive(archiveFile)
  try {
    const { manifest, dir } = archive
    const target = adapterOf(payload)
    const order = restorableCollections(payload, manifest)
    const globals = restorableGlobals(payload, manifest)
    await refuseUnlessEmpty(payload)
    const uploads = await checkUploads(payload, manifest, dir, progress, bucket)
    const newIds = await plannedIds(dir, manifest, target)
    if (newIds.size > 0) {
      progress.note(`${newIds.size} documents get new ids: ${manifest.source.adapter} ids do not fit ${target}; every reference is rewritten.`)
    }

    const files = await copyUploads(uploads, progress, bucket)
    const collections = await restoreDocuments(payload, order, dir, newIds, progress)
    await verifyCounts(payload, collections)
    await restoreGlobals(payload, globals, dir, newIds, progress)
    return { target, collections, globals, files, newIds: newIds.size }
  } finally {
    await archive.close()
  }
}

/** The archive's collections in this app's restore order; a collection the app lacks is refused. */
function restorableCollections(payload: Payload, manifest: Manifest): Manifest['collections'] {
  const known = backedUpCollections(payload)
  const unknown = manifest.collections.filter(({ slug, docs }) => docs > 0 && !known.includes(slug as CollectionSlug))
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup holds collections this version of Wellpress does not have: ${unknown.map(({ slug }) => slug).join(', ')}. ` +
        `It was made by Wellpress ${manifest.appVersion}; import it with that version.`,
    )
  }
  const bySlug = new Map(manifest.collections.map((entry) => [entry.slug, entry]))
  return known.flatMap((slug) => {
    const entry = bySlug.get(slug)
    return entry ? [entry] : []
  })
}

/** The archive's globals; one this app lacks is refused like an unknown collection. */
function restorableGlobals(payload: Payload, manifest: Manifest): GlobalSlug[] {
  const known = backedUpGlobals(payload) as string[]
  const unknown = manifest.globals.filter(({ slug }) => !known.includes(slug))
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup holds settings this version of Wellpress does not have: ${unknown.map(({ slug }) => slug).join(', ')}. ` +
        `It was made by Wellpress ${manifest.appVersion}; import it with that version.`,
    )
  }
  return manifest.globals.map(({ slug }) => slug as GlobalSlug)
}

/** After the documents (a global names media, pages): stored as exported, references rewritten where ids changed. */
async function restoreGlobals(payload: Payload, globals: GlobalSlug[], dir: string, newIds: Map<string, string>, progress: Progress) {
  const req = { context: { disableRevalidate: true, importingBackup: true } } as Partial<PayloadRequest>
  for (const slug of globals) {
    const file = path.join(dir, globalFile(slug))
    if (!existsSync(file)) throw new BackupError(`The backup is missing ${globalFile(slug)}, which its manifest lists.`)
    const { id: _id, globalType: _type, ...data } = rewriteIds(JSON.parse(await readFile(file, 'utf8')) as StoredDoc, newIds) as StoredDoc & { globalType?: unknown }
    await payload.db.createGlobal({ slug, data, req, returning: false })
    progress.note(`${slug}: settings restored`)
  }
}

async function refuseUnlessEmpty(payload: Payload) {
  const occupied: string[] = []
  for (const slug of backedUpGlobals(payload)) {
    const stored = (await payload.db.findGlobal({ slug })) as { id?: unknown } | null
    if (stored?.id) occupied.push(`the ${slug} settings`)
  }
  for (const slug of backedUpCollections(payload)) {
    const { totalDocs } = await payload.db.count({ collection: slug })
    if (totalDocs > 0) occupied.push(`${slug} (${totalDocs})`)
    else if (hasVersions(payload, slug) && (await payload.db.countVersions({ collection: slug })).totalDocs > 0) {
      occupied.push(`${slug} versions`)
    }
  }
  if (occupied.length > 0) {
    throw new BackupError(
      `The target database is not empty: it already holds ${occupied.join(', ')}. Import only restores into an empty ` +
        'database, so nothing is overwritten or mixed: point DATABASE_URI at a new SQLite file or an empty MongoDB database ' +
        '(and start it with SEED=false, or the first start imports the sample article).',
    )
  }
}

/** `to`: a path in the upload folder, or with a bucket (S3_BUCKET) the file's key there. */
type PlannedUpload = { from: string; to: string; bytes: number; copy: boolean }

/** Every file the manifest names: present, intact (SHA-256), and not clashing with a different file at the target. */
async function checkUploads(payload: Payload, manifest: Manifest, dir: string, progress: Progress, bucket?: BucketFiles): Promise<PlannedUpload[]> {
  const folders = new Map(uploadDirs(payload).map(({ slug, dir: folder }) => [slug as string, folder]))
  const planned: PlannedUpload[] = []
  const total = manifest.uploads.files.reduce((sum, file) => sum + file.bytes, 0)
  let done = 0
  for (const [index, file] of manifest.uploads.files.entries()) {
    const folder = folders.get(file.collection)
    if (!folder) throw new BackupError(`The backup has files for "${file.collection}", which is not an upload collection here.`)
    if (!isSafeMediaPath(file.path)) throw new BackupError(`The backup names an unsafe file path: ${file.collection}/${file.path}.`)
    const from = path.join(dir, uploadFile(file.collection, file.path))
    const stats = existsSync(from) ? await lstat(from) : null
    if (!stats?.isFile()) throw new BackupError(`The backup is missing ${file.collection}/${file.path}, which its manifest lists.`)
    const { sha256 } = await hashFile(from, (bytes) => {
      done += bytes
      progress.bytes('checking files', done, total, index, manifest.uploads.files.length)
    })
    if (sha256 !== file.sha256) throw new BackupError(`${file.collection}/${file.path} in the backup is damaged (its SHA-256 does not match the manifest).`)
    const to = bucket ? file.path : path.join(folder, file.path)
    const existing = bucket ? await bucket.sha256(to) : existsSync(to) ? (await hashFile(to)).sha256 : null
    if (existing !== null && existing !== file.sha256) {
      const where = bucket ? `${to} in the bucket` : to
      throw new BackupError(`${where} already exists with different content. Move it away (or use an empty upload folder or bucket), then import.`)
    }
    const copy = existing === null
    planned.push({ from, to, bytes: file.bytes, copy })
  }
  progress.done()
  return planned
}

async function copyUploads(planned: PlannedUpload[], progress: Progress, bucket?: BucketFiles): Promise<ImportReport['files']> {
  const total = planned.reduce((sum, file) => sum + file.bytes, 0)
  let bytes = 0
  let copied = 0
  for (const [index, file] of planned.entries()) {
    if (file.copy && bucket) {
      await bucket.upload(file.from, file.to, contentTypeOf(file.to), file.bytes)
      copied++
    } else if (file.copy) {
      await mkdir(path.dirname(file.to), { recursive: true })
      await copyFile(file.from, file.to)
      copied++
    }
    bytes += file.bytes
    progress.bytes('copying files', bytes, total, index + 1, planned.length)
  }
  progress.done()
  return { copied, alreadyThere: planned.length - copied, bytes }
}

/** Old id → new id for documents whose id the target cannot store; ids that fit stay as they are. */
async function plannedIds(dir: string, manifest: Manifest, target: TargetAdapter): Promise<Map<string, string>> {
  const newIds = new Map<string, string>()
  const seen = new Set<string>()
  for (const { slug } of manifest.collections) {
    for await (const doc of readNdjson<StoredDoc>(path.join(dir, collectionFile(slug)))) {
      if (typeof doc.id !== 'string' || doc.id === '') throw new BackupError(`A document in ${slug} has no id.`)
      if (seen.has(doc.id)) throw new BackupError(`The id ${doc.id} appears twice in the backup.`)
      seen.add(doc.id)
      if (!keepsId(target, doc.id)) newIds.set(doc.id, objectIdFor(doc.id, doc.createdAt))
    }
  }
  return newIds
}

async function restoreDocuments(
  payload: Payload,
  order: Manifest['collections'],
  dir: string,
  newIds: Map<string, string>,
  progress: Progress,
): Promise<ImportReport['collections']> {
  // One transaction where the adapter has them (MongoDB replica sets); elsewhere this is a no-op id.
  const transactionID = (await payload.db.beginTransaction()) ?? undefined
  // No hook runs on adapter writes; the context says the same to anything that might listen.
  const req = { transactionID, context: { disableRevalidate: true, importingBackup: true } } as Partial<PayloadRequest>
  const restored: ImportReport['collections'] = []
  try {
    for (const { slug, docs: expectedDocs, versions: expectedVersions } of order) {
      const collection = slug as CollectionSlug
      let docs = 0
      for await (const stored of readNdjson<StoredDoc>(path.join(dir, collectionFile(slug)))) {
        const { id, ...data } = rewriteIds(stored, newIds)
        await payload.db.create({ collection, data, customID: id, req, returning: false })
        docs++
      }
      let versions: number | null = null
      if (expectedVersions !== null && hasVersions(payload, collection)) {
        versions = 0
        // Oldest first (as exported), so each restored version leaves the newest one marked latest.
        for await (const stored of readNdjson<StoredVersion>(path.join(dir, versionsFile(slug)))) {
          const version = rewriteIds(stored, newIds)
          await payload.db.createVersion({
            collectionSlug: collection,
            parent: version.parent,
            versionData: version.version,
            autosave: Boolean(version.autosave),
            createdAt: version.createdAt,
            updatedAt: version.updatedAt,
            publishedLocale: version.publishedLocale ?? undefined,
            snapshot: version.snapshot ? true : undefined,
            req,
            returning: false,
          })
          versions++
        }
      }
      // A truncated or edited archive: its files disagree with its own manifest.
      if (docs !== expectedDocs || (expectedVersions !== null && versions !== null && versions !== expectedVersions)) {
        throw new Error(`${slug}: the manifest lists ${expectedDocs} documents and ${expectedVersions ?? 0} versions, the archive holds ${docs} and ${versions ?? 0}`)
      }
      restored.push({ slug, docs, versions })
      progress.note(`${slug}: restored ${docs} document${docs === 1 ? '' : 's'}${versions === null ? '' : `, ${versions} version${versions === 1 ? '' : 's'}`}`)
    }
    if (transactionID !== undefined) await payload.db.commitTransaction(transactionID)
    return restored
  } catch (error) {
    if (transactionID !== undefined) await payload.db.rollbackTransaction(transactionID)
    const where = restored.length ? ` after restoring ${restored.map(({ slug }) => slug).join(', ')}` : ''
    throw new BackupError(
      `The import stopped${where}: ${(error as Error).message}\nThe database may now hold part of the backup: ` +
        'empty it (a new SQLite file, or drop the MongoDB database) before importing again.',
    )
  }
}

/** The script's own proof of effect: the database now holds what the manifest says, no more, no less. */
async function verifyCounts(payload: Payload, restored: ImportReport['collections']) {
  for (const { slug, docs, versions } of restored) {
    const collection = slug as CollectionSlug
    const stored = (await payload.db.count({ collection })).totalDocs
    if (stored !== docs) throw new BackupError(`${slug}: restored ${docs} documents but the database holds ${stored}.`)
    if (versions !== null) {
      const storedVersions = (await payload.db.countVersions({ collection })).totalDocs
      if (storedVersions !== versions) throw new BackupError(`${slug}: restored ${versions} versions but the database holds ${storedVersions}.`)
    }
  }
}
