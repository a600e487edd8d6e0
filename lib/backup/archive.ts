import { createReadStream, existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

import { extract } from 'tar'

import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  collectionFile,
  type Manifest,
  MANIFEST_FILE,
  manifestSchema,
  uploadFile,
  versionsFile,
} from './format'

/** An archive unpacked into a temporary folder, with its checked manifest. */
export type OpenedArchive = { dir: string; manifest: Manifest; close(): Promise<void> }

export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

/**
 * Unpacks a backup into a temporary folder and checks its manifest. node-tar keeps every entry
 * inside that folder (absolute paths and `..` are stripped), so a tampered archive cannot write
 * elsewhere; what import then reads from it is only the paths the manifest names.
 */
export async function openArchive(file: string): Promise<OpenedArchive> {
  if (!existsSync(file)) throw new BackupError(`No backup at ${file}.`)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wellpress-import-'))
  const close = () => rm(dir, { recursive: true, force: true })
  try {
    try {
      await extract({ file, cwd: dir, strict: true })
    } catch (error) {
      throw new BackupError(`${file} is not a readable .tar.gz backup: ${(error as Error).message}`)
    }
    const manifestPath = path.join(dir, MANIFEST_FILE)
    if (!existsSync(manifestPath)) throw new BackupError(`${file} has no ${MANIFEST_FILE}: it was not made by \`npm run export\`.`)
    let raw: unknown
    try {
      raw = JSON.parse(await readFile(manifestPath, 'utf8'))
    } catch (error) {
      throw new BackupError(`${file}: ${MANIFEST_FILE} is not valid JSON (${(error as Error).message}).`)
    }
    if ((raw as { format?: unknown })?.format !== BACKUP_FORMAT) {
      throw new BackupError(`${file} is not a Wellpress backup (its manifest does not say "format": "${BACKUP_FORMAT}").`)
    }
    const formatVersion = (raw as { formatVersion?: unknown }).formatVersion
    if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
      throw new BackupError(
        `${file} uses backup format ${formatVersion}; this Wellpress reads up to ${BACKUP_FORMAT_VERSION}. Update Wellpress, then import.`,
      )
    }
    const parsed = manifestSchema.safeParse(raw)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
      throw new BackupError(`${file}: the manifest is damaged (${issues}).`)
    }
    return { dir, manifest: parsed.data, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** The objects of one NDJSON file, one at a time; a missing file is an empty collection. */
export async function* readNdjson<T>(file: string): AsyncGenerator<T> {
  if (!existsSync(file)) return
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  let number = 0
  for await (const line of lines) {
    number++
    if (line.trim() === '') continue
    try {
      yield JSON.parse(line) as T
    } catch (error) {
      throw new BackupError(`${path.basename(file)} line ${number} is not valid JSON (${(error as Error).message}).`)
    }
  }
}

/**
 * Re-reads a finished archive: the manifest parses, each collection file holds as many documents
 * and versions as the manifest says, and every listed file is there at its size. The export
 * script runs this on its own output, so "exit 0" means a usable backup, not just no crash.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  const { dir, manifest, close } = await openArchive(file)
  try {
    for (const { slug, docs, versions } of manifest.collections) {
      let found = 0
      for await (const _doc of readNdjson(path.join(dir, collectionFile(slug)))) found++
      if (found !== docs) throw new BackupError(`${file}: ${slug} holds ${found} documents, the manifest says ${docs}.`)
      if (versions === null) continue
      found = 0
      for await (const _version of readNdjson(path.join(dir, versionsFile(slug)))) found++
      if (found !== versions) throw new BackupError(`${file}: ${slug} holds ${found} versions, the manifest says ${versions}.`)
    }
    for (const upload of manifest.uploads.files) {
      const entry = path.join(dir, uploadFile(upload.collection, upload.path))
      const size = existsSync(entry) ? (await stat(entry)).size : -1
      if (size !== upload.bytes) throw new BackupError(`${file}: ${upload.collection}/${upload.path} is missing or truncated.`)
    }
    return manifest
  } finally {
    await close()
  }
}
