/**
 * The one table `npm run bench` puts first in bench/results.md (and the README repeats): every
 * target of issue 6 with its latest result. Each benchmark marks its targets in its own section
 * with `targetMarker` (an HTML comment, invisible in the rendered Markdown); bench/run.ts collects
 * them from every section, fresh or kept from an earlier run, in section order.
 */
export type Target = { target: string; result: string; met: boolean }

const MARKER = /<!-- target (\{.*?\}) -->/g

export const targetMarker = (target: Target) => `<!-- target ${JSON.stringify(target)} -->`

export function targetsIn(markdown: string): Target[] {
  return [...markdown.matchAll(MARKER)].map((match) => JSON.parse(match[1]) as Target)
}

const rows = (targets: Target[]) => [
  '| Target | Result | Met |',
  '| --- | --- | --- |',
  ...targets.map(({ target, result, met: ok }) => `| ${target} | ${result} | ${ok ? 'yes' : '**NO**'} |`),
]

const metCount = (targets: Target[]) => `${targets.filter((target) => target.met).length} of ${targets.length} met`

export function targetsTable(targets: Target[]): string {
  return ['## Targets', '', `${metCount(targets)}; each benchmark's section below has the details.`, '', ...rows(targets)].join('\n')
}

/** Where the README's copy of the table starts; the prose after the table is written by hand. */
export const README_TABLE_MARKER = '<!-- performance-table -->'

/**
 * The README with its copy of the targets table (the count line and the table after
 * README_TABLE_MARKER) replaced by `targets`; everything else, the prose under it included, kept.
 * Unchanged when the README has no marker.
 */
export function readmeWithTargets(readme: string, targets: Target[]): string {
  const start = readme.indexOf(README_TABLE_MARKER)
  if (start === -1) return readme
  const after = start + README_TABLE_MARKER.length
  const lines = readme.slice(after).split('\n')
  // The marker's own line ends first (''), then the count line, a blank line and the table rows.
  let end = 1
  while (end < lines.length && !lines[end].startsWith('|')) end++
  while (end < lines.length && lines[end].startsWith('|')) end++
  const table = ['', `${metCount(targets)}; each benchmark's section in \`bench/results.md\` has the details.`, '', ...rows(targets)]
  return readme.slice(0, after) + [...table, ...lines.slice(end)].join('\n')
}
