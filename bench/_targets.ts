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

export function targetsTable(targets: Target[]): string {
  const met = targets.filter((target) => target.met).length
  return [
    '## Targets',
    '',
    `${met} of ${targets.length} met; each benchmark's section below has the details.`,
    '',
    '| Target | Result | Met |',
    '| --- | --- | --- |',
    ...targets.map(({ target, result, met: ok }) => `| ${target} | ${result} | ${ok ? 'yes' : '**NO**'} |`),
  ].join('\n')
}
