/**
 * `npm run export -- out.tar.gz`: a complete backup of the site in one file: every collection
 * (articles with every version and draft, users with their password hashes so logins keep
 * working), and every uploaded image with its generated sizes. See lib/backup/format.ts for the
 * layout. Progress goes to stderr. Restore it with `npm run import -- out.tar.gz`.
 */
import { startPayload } from './startPayload'

process.env.SEED = 'false' // a backup copies what is there; it never seeds an empty database first

const USAGE = 'Usage: npm run export -- <backup.tar.gz>'
const args = process.argv.slice(2).filter((arg) => arg !== '--')
if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
  console.error(USAGE)
  process.exit(2)
}
const outFile = args[0] ?? `wellpress-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`

const { existsSync } = await import('node:fs')
if (existsSync(outFile)) {
  console.error(`${outFile} already exists; choose another name (a backup never overwrites another).`)
  process.exit(1)
}

const payload = await startPayload()
const { exportBackup } = await import('../lib/backup/export')
const { verifyArchive } = await import('../lib/backup/archive')
const { stderrProgress } = await import('../lib/backup/progress')
let exitCode = 0
try {
  const { manifest } = await exportBackup(payload, outFile, stderrProgress())
  // The Payload CLI has been seen to exit 0 having done nothing: read the archive back instead.
  const checked = await verifyArchive(outFile)
  const docs = checked.collections.reduce((sum, entry) => sum + entry.docs, 0)
  const versions = checked.collections.reduce((sum, entry) => sum + (entry.versions ?? 0), 0)
  console.log(
    `Backup complete: ${outFile}: ${docs} documents, ${versions} versions, ${checked.uploads.files.length} files ` +
      `from ${manifest.source.adapter} (format ${manifest.formatVersion}, Wellpress ${manifest.appVersion}).`,
  )
  if (manifest.uploads.missing.length > 0) {
    console.log(`Note: ${manifest.uploads.missing.length} file(s) named by media documents were already missing from disk.`)
  }
} catch (error) {
  console.error(error instanceof Error && error.name === 'BackupError' ? `Export failed: ${error.message}` : error)
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)

export {}
