/**
 * What an import did, and the summary printed at its end: counts per kind of document, what was
 * skipped and why, what needs the therapist's eye (problems), and what could only be kept as text.
 */

export type Counts = { created: number; updated: number; unchanged: number; skipped: number; failed: number }

export const KINDS = ['articles', 'media', 'authors', 'topics', 'redirects'] as const
export type Kind = (typeof KINDS)[number]

export type ImportReport = {
  file: string
  site: { title: string; url: string; wxrVersion: string }
  dryRun: boolean
  counts: Record<Kind, Counts>
  /** Articles that will publish themselves later (WordPress "scheduled" posts). */
  scheduled: { title: string; at: string }[]
  /** What was deliberately left out, and why (one line per kind of thing). */
  skipped: string[]
  /** What needs a look: missing files, made-up alt text, conflicts, failed writes. */
  problems: string[]
  /** What the site cannot show as WordPress did: per post (its words are kept), per image (converted). */
  adapted: string[]
  /** How the running site learned of the import. */
  purge: string
}

const emptyCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 })

export function newReport(file: string, dryRun: boolean): ImportReport {
  return {
    file,
    site: { title: '', url: '', wxrVersion: '' },
    dryRun,
    counts: Object.fromEntries(KINDS.map((kind) => [kind, emptyCounts()])) as Record<Kind, Counts>,
    scheduled: [],
    skipped: [],
    problems: [],
    adapted: [],
    purge: '',
  }
}

const LABELS: Record<Kind, string> = { articles: 'Articles', media: 'Images', authors: 'Authors', topics: 'Topics', redirects: 'Redirects' }

function countLine(kind: Kind, counts: Counts, dryRun: boolean): string {
  const verb = (done: string, would: string) => (dryRun ? would : done)
  const parts = [
    `${counts.created} ${verb('created', 'to create')}`,
    `${counts.updated} ${verb('updated', 'to update')}`,
    `${counts.unchanged} unchanged`,
    `${counts.skipped} skipped`,
  ]
  if (counts.failed > 0) parts.push(`${counts.failed} failed`)
  return `${`${LABELS[kind]}:`.padEnd(11)} ${parts.join(', ')}`
}

/** Totals over every kind, for the closing line. */
export function totals(report: ImportReport): Counts {
  const total = emptyCounts()
  for (const kind of KINDS) for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += report.counts[kind][key]
  return total
}

export function formatReport(report: ImportReport): string {
  const lines: string[] = []
  const source = report.site.title ? ` (${report.site.title}${report.site.url ? `, ${report.site.url}` : ''})` : ''
  lines.push(`WordPress import of ${report.file}${source}${report.dryRun ? ': DRY RUN, nothing was written' : ''}`)
  lines.push('')
  for (const kind of KINDS) lines.push(countLine(kind, report.counts[kind], report.dryRun))
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return
    lines.push('', `${title} (${items.length}):`, ...items.map((item) => `  - ${item}`))
  }
  section(report.dryRun ? 'Would schedule' : 'Scheduled', report.scheduled.map((entry) => `"${entry.title}" publishes at ${entry.at}`))
  section('Skipped', report.skipped)
  section('Problems', report.problems)
  section('Changed to fit the site (words kept as text)', report.adapted)
  if (report.purge) lines.push('', report.purge)
  const total = totals(report)
  lines.push(
    '',
    `${report.dryRun ? 'Dry run' : 'Done'}: ${total.created} ${report.dryRun ? 'to create' : 'created'}, ${total.updated} ${report.dryRun ? 'to update' : 'updated'}, ` +
      `${total.unchanged} unchanged, ${total.skipped} skipped, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}.`,
  )
  return lines.join('\n')
}
