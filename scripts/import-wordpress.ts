/**
 * `npm run import:wordpress -- <export.xml> [--uploads <dir>] [--dry-run] [--tags-as-topics]`:
 * brings a WordPress blog (Tools → Export → All content) into the database DATABASE_URI names,
 * with its images from a copy of wp-content/uploads, while the site may be running. Progress goes
 * to stderr, the summary to stdout. Exit codes: 0 imported (the summary may still list problems,
 * such as missing images), 1 the file could not be imported or some posts failed, 2 wrong usage.
 * Library: lib/wordpress/importer.ts.
 */
import { statSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { z } from 'zod'

process.env.SEED = 'false' // an empty database gets her old blog, not the sample article

const USAGE = 'Usage: npm run import:wordpress -- <export.xml> [--uploads <wp-content/uploads copy>] [--dry-run] [--tags-as-topics]'

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

const isDirectory = (value: string) => {
  try {
    return statSync(value).isDirectory()
  } catch {
    return false
  }
}

const Options = z.object({
  file: z.string().min(1),
  uploads: z
    .string()
    .refine(isDirectory, { error: (issue) => `--uploads ${String(issue.input)} is not a folder (give a copy of the old site's wp-content/uploads).` })
    .optional(),
  dryRun: z.boolean(),
  tagsAsTopics: z.boolean(),
})

function readOptions(): z.infer<typeof Options> {
  let parsed
  try {
    parsed = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: { uploads: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'tags-as-topics': { type: 'boolean' } },
      allowPositionals: true,
    })
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error))
  }
  if (parsed.positionals.length !== 1) usage(parsed.positionals.length === 0 ? 'Name the export file.' : 'Name one export file.')
  const checked = Options.safeParse({
    file: parsed.positionals[0],
    uploads: parsed.values.uploads,
    dryRun: Boolean(parsed.values['dry-run']),
    tagsAsTopics: Boolean(parsed.values['tags-as-topics']),
  })
  if (!checked.success) usage(checked.error.issues.map((issue) => issue.message).join('\n'))
  return checked.data
}

const options = readOptions()

// Before Payload starts: a wrong name is said at once.
const fileProblem = (() => {
  try {
    return statSync(options.file).isFile() ? null : 'is not a file'
  } catch {
    return 'does not exist'
  }
})()
if (fileProblem) {
  console.error(`Import failed: ${options.file} ${fileProblem}.`)
  process.exit(1)
}

// Payload first: it registers how lexical loads before the importer's HTML converter imports it.
const { startPayload } = await import('./startPayload')
const payload = await startPayload()
const { importWordPress } = await import('../lib/wordpress/importer')
const { formatReport } = await import('../lib/wordpress/report')
const { WxrError } = await import('../lib/wordpress/wxr')
const { postPurge } = await import('../lib/cache/purge')

let exitCode = 0
try {
  const report = await importWordPress(payload, {
    file: options.file,
    uploadsDir: options.uploads ?? null,
    dryRun: options.dryRun,
    tagsAsTopics: options.tagsAsTopics,
    progress: (message) => process.stderr.write(`${message}\n`),
    purge: (tags) => postPurge(tags, payload),
  })
  console.log(formatReport(report))
  if (report.counts.articles.failed > 0) exitCode = 1
} catch (error) {
  console.error(error instanceof WxrError ? `Import failed: ${error.message}` : error)
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)

export {}
