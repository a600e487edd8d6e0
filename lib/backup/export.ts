import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { finished } from 'node:stream/promises'

import type { CollectionSlug, Payload } from 'payload'
import { create as createTar } from 'tar'

import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  collectionFile,
  formatBytes,
  globalFile,
  type Manifest,
  MANIFEST_FILE,
  uploadFile,
  versionsFile,
} from './format'
import { PRIVATE_FILE_MODE } from '../config/dataDir'
import { type BucketFiles, mediaBucket } from '../storage/s3'
import { silentProgress, type Progress } from './progress'
import { adapterOf, appVersion, backedUpCollections, backedUpGlobals, hasVersions, payloadVersion, uploadDirs } from './source'

/** Documents are read a page at a time, so a large site never has to fit in memory at once. */
const PAGE_SIZE = 250

export type ExportReport = { file: string; bytes: number; manifest: Manifest }

/**
 * Writes every backed-up collection (all versions too) and every uploaded file into a gzipped tar at
 * `outFile`. Reads go through the database adapter: no access control, no hooks, hidden fields
 * (password hashes and salts) included. The archive appears at `outFile` only once complete.
 */
export async function exportBackup(
  payload: Payload,
  outFile: string,
  progress: Progress = silentProgress,
  bucket: BucketFiles | undefined = mediaBucket(),
): Promise<ExportReport> {
  const staging = await mkdtemp(path.join(os.tmpdir(), 'wellpress-export-'))
  const partial = `${outFile}.partial`
  try {
    await mkdir(path.join(staging, 'collections'))
    await mkdir(path.join(staging, 'versions'))
    await mkdir(path.join(staging, 'uploads'))

    const collections: Manifest['collections'] = []
    const namedFiles = new Map<CollectionSlug, Set<string>>()
    for (const slug of backedUpCollections(payload)) {
      const docs = await writeNdjson(path.join(staging, collectionFile(slug)), (page) =>
        payload.db.find({ collection: slug, limit: PAGE_SIZE, page, pagination: true, sort: ['createdAt', 'id'] }),
        (doc) => namedFiles.set(slug, new Set([...(namedFiles.get(slug) ?? []), ...filesNamedBy(doc)])),
      )
      await checkCount(docs, (await payload.db.count({ collection: slug })).totalDocs, slug)
      let versions: number | null = null
      if (hasVersions(payload, slug)) {
        versions = await writeNdjson(path.join(staging, versionsFile(slug)), (page) =>
          // Oldest first: restoring in this order leaves the newest version marked "latest".
          payload.db.findVersions({ collection: slug, limit: PAGE_SIZE, page, pagination: true, sort: ['updatedAt', 'id'] }),
        )
        await checkCount(versions, (await payload.db.countVersions({ collection: slug })).totalDocs, `${slug} versions`)
      }
      collections.push({ slug, docs, versions })
      progress.note(`${slug}: ${docs} document${docs === 1 ? '' : 's'}${versions === null ? '' : `, ${versions} version${versions === 1 ? '' : 's'}`}`)
    }

    // Globals name media (her logo) too: their files are listed as needed like any document's.
    await mkdir(path.join(staging, 'globals'))
    const globals: Manifest['globals'] = []
    for (const slug of backedUpGlobals(payload)) {
      const stored = (await payload.db.findGlobal({ slug })) as Record<string, unknown> | null
      // A global never saved has no row: nothing to carry, and the target keeps its defaults.
      if (!stored || !stored.id) continue
      await writeFile(path.join(staging, globalFile(slug)), `${JSON.stringify(stored)}\n`)
      globals.push({ slug })
      progress.note(`${slug}: settings`)
    }

    const uploads: Manifest['uploads'] = { files: [], missing: [] }
    for (const { slug, dir: folder } of uploadDirs(payload)) {
      // Media in a bucket (S3_BUCKET): fetched into the staging folder first, then archived alike.
      const dir = bucket ? await downloadBucket(bucket, path.join(staging, 'bucket', slug), progress) : folder
      const files = existsSync(dir) ? await listFiles(dir) : []
      const present = new Set(files)
      for (const name of namedFiles.get(slug) ?? []) if (!present.has(name)) uploads.missing.push(`${slug}/${name}`)
      if (files.length === 0) continue
      await symlink(dir, path.join(staging, 'uploads', slug), 'dir')
      const totalBytes = await sumSizes(dir, files)
      let doneBytes = 0
      for (const [index, relative] of files.entries()) {
        const { bytes, sha256 } = await hashFile(path.join(dir, relative), (chunk) => {
          doneBytes += chunk
          progress.bytes(`${slug} files`, doneBytes, totalBytes, index, files.length)
        })
        uploads.files.push({ collection: slug, path: relative, bytes, sha256 })
        progress.bytes(`${slug} files`, doneBytes, totalBytes, index + 1, files.length)
      }
      progress.done()
    }
    for (const missing of uploads.missing) progress.note(`warning: ${missing} is named by a document but is not on disk`)

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: appVersion(),
      payloadVersion: payloadVersion(),
      createdAt: new Date().toISOString(),
      source: { adapter: adapterOf(payload) },
      collections,
      globals,
      uploads,
    }
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)

    const entries = [
      MANIFEST_FILE,
      ...collections.map(({ slug }) => collectionFile(slug)),
      ...collections.filter(({ versions }) => versions !== null).map(({ slug }) => versionsFile(slug)),
      ...globals.map(({ slug }) => globalFile(slug)),
      ...uploads.files.map((file) => uploadFile(file.collection, file.path)),
    ]
    const uploadBytes = uploads.files.reduce((sum, file) => sum + file.bytes, 0)
    const sizeOf = new Map(uploads.files.map((file) => [uploadFile(file.collection, file.path), file.bytes]))
    let packedBytes = 0
    let packedFiles = 0
    await mkdir(path.dirname(path.resolve(outFile)), { recursive: true })
    // The archive holds password hashes and visitors' messages: readable by its owner only. Made
    // empty with that mode first; tar then writes into it, and the mode stays.
    await writeFile(partial, '', { mode: PRIVATE_FILE_MODE })
    await createTar(
      {
        gzip: true,
        file: partial,
        cwd: staging,
        portable: true,
        onWriteEntry(entry) {
          const bytes = sizeOf.get(entry.path)
          if (bytes === undefined) return
          packedFiles++
          packedBytes += bytes
          progress.bytes('archiving files', packedBytes, uploadBytes, packedFiles, uploads.files.length)
        },
      },
      entries,
    )
    progress.done()
    await rename(partial, outFile)
    const { size } = await stat(outFile)
    progress.note(`wrote ${outFile} (${formatBytes(size)})`)
    return { file: outFile, bytes: size, manifest }
  } finally {
    await rm(partial, { force: true })
    await rm(staging, { recursive: true, force: true })
  }
}

type Page = { docs: unknown[]; hasNextPage: boolean }

async function writeNdjson(file: string, readPage: (page: number) => Promise<Page>, onDoc?: (doc: Record<string, unknown>) => void) {
  const out = createWriteStream(file)
  const ids = new Set<string>()
  try {
    for (let page = 1; ; page++) {
      const result = await readPage(page)
      for (const raw of result.docs) {
        const doc = withoutAdapterFields(raw as Record<string, unknown>)
        const id = String(doc.id)
        if (ids.has(id)) throw new Error(`${path.basename(file)}: document ${id} was read twice; is the database changing during the export?`)
        ids.add(id)
        onDoc?.(doc)
        if (!out.write(`${JSON.stringify(doc)}\n`)) await once(out, 'drain')
      }
      if (!result.hasNextPage) break
    }
  } finally {
    out.end()
    await finished(out)
  }
  return ids.size
}

/** MongoDB's internal keys; Payload's own `id` is what identifies a document in both adapters. */
function withoutAdapterFields(doc: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignoredId, __v: _ignoredVersionKey, ...rest } = doc
  return rest
}

async function checkCount(written: number, stored: number, what: string) {
  // The export reads page by page: a count that moved means someone wrote during it.
  if (written !== stored) {
    throw new Error(`${what}: exported ${written} but the database holds ${stored}; was it changing during the export? Run it again.`)
  }
}

async function downloadBucket(bucket: BucketFiles, dir: string, progress: Progress): Promise<string> {
  const keys = await bucket.list()
  for (const [index, key] of keys.entries()) {
    // A key that would land outside the folder (`../x`) is not a media file of this site.
    const to = path.resolve(dir, key)
    if (!to.startsWith(dir + path.sep)) throw new Error(`The bucket holds an unsafe key: ${key}`)
    await bucket.download(key, to)
    progress.bytes('fetching files from the bucket', index + 1, keys.length, index + 1, keys.length)
  }
  progress.done()
  return dir
}

/** The file names an upload document points to: the original and each generated size. */
function filesNamedBy(doc: Record<string, unknown>): string[] {
  const names: string[] = []
  if (typeof doc.filename === 'string' && doc.filename) names.push(doc.filename)
  const sizes = doc.sizes
  if (sizes && typeof sizes === 'object') {
    for (const size of Object.values(sizes as Record<string, { filename?: unknown }>)) {
      if (typeof size?.filename === 'string' && size.filename) names.push(size.filename)
    }
  }
  return names
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)))
    else if (entry.isFile()) files.push(relative)
  }
  return files.sort()
}

async function sumSizes(dir: string, files: string[]) {
  let total = 0
  for (const file of files) total += (await stat(path.join(dir, file))).size
  return total
}

export async function hashFile(file: string, onChunk: (bytes: number) => void = () => {}) {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
    onChunk(chunk.length)
  }
  return { bytes, sha256: hash.digest('hex') }
}
