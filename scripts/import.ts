/**
 * `npm run import -- backup.tar.gz`: restores a backup made by `npm run export` into the EMPTY
 * database DATABASE_URI names (SQLite or MongoDB: this is how a site moves from SQLite to
 * MongoDB), and its images into the upload folder. A database that already holds anything is
 * refused. Progress goes to stderr.
 */
import { startPayload } from './startPayload'

process.env.SEED = 'false' // an empty target must stay empty until the backup fills it

const USAGE = 'Usage: npm run import -- <backup.tar.gz>'
const args = process.argv.slice(2).filter((arg) => arg !== '--')
if (args.length !== 1 || args[0].startsWith('-')) {
  console.error(USAGE)
  process.exit(2)
}
const archiveFile = args[0]

const payload = await startPayload()
const { importBackup } = await import('../lib/backup/import')
const { stderrProgress } = await import('../lib/backup/progress')
let exitCode = 0
try {
  // importBackup re-counts the database against the manifest before it returns (its proof of effect).
  const report = await importBackup(payload, archiveFile, stderrProgress())
  const docs = report.collections.reduce((sum, entry) => sum + entry.docs, 0)
  const versions = report.collections.reduce((sum, entry) => sum + (entry.versions ?? 0), 0)
  console.log(
    `Import complete into ${report.target}: ${docs} documents, ${versions} versions, ` +
      `${report.files.copied} files copied (${report.files.alreadyThere} already there)` +
      (report.newIds > 0 ? `, ${report.newIds} documents given MongoDB ids (references rewritten).` : '.'),
  )
} catch (error) {
  console.error(error instanceof Error && error.name === 'BackupError' ? `Import failed: ${error.message}` : error)
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)

export {}
