import { readFileSync } from 'node:fs'

import { README_TABLE_MARKER, readmeWithTargets, targetMarker, targetsIn, targetsTable, type Target } from '../../bench/_targets'

/** The table of targets `npm run bench` writes first in bench/results.md and into the README. */
const targets: Target[] = [
  { target: 'Memory ≤ 2× the floor', result: '1.83×', met: true },
  { target: 'Throughput ≥ 0.9× the floor', result: '0.75× (through nginx: 2.9×)', met: false },
]

const readme = (table: string) =>
  ['# Site', '', '## Performance', '', README_TABLE_MARKER, table, '', 'Measured on this machine. Not met, and why:', '- throughput.', '<!-- /performance-table -->', '', '## Next'].join('\n')

describe('bench targets', () => {
  it('reads back the targets each section marks, in order', () => {
    const section = `## Load\n${targetMarker(targets[0])}\ntext\n${targetMarker(targets[1])}\n`
    expect(targetsIn(section)).toEqual(targets)
  })

  it('writes the table first in results.md, with the count of targets met', () => {
    expect(targetsTable(targets).split('\n')).toEqual([
      '## Targets',
      '',
      "1 of 2 met; each benchmark's section below has the details.",
      '',
      '| Target | Result | Met |',
      '| --- | --- | --- |',
      '| Memory ≤ 2× the floor | 1.83× | yes |',
      '| Throughput ≥ 0.9× the floor | 0.75× (through nginx: 2.9×) | **NO** |',
    ])
  })

  it("replaces the README's copy of the table and keeps the prose written under it", () => {
    const old = "3 of 3 met; each benchmark's section in `bench/results.md` has the details.\n\n| Target | Result | Met |\n| --- | --- | --- |\n| A | a | yes |\n| B | b | yes |\n| C | c | yes |"
    const updated = readmeWithTargets(readme(old), targets)
    expect(updated).toBe(
      readme(
        "1 of 2 met; each benchmark's section in `bench/results.md` has the details.\n\n| Target | Result | Met |\n| --- | --- | --- |\n| Memory ≤ 2× the floor | 1.83× | yes |\n| Throughput ≥ 0.9× the floor | 0.75× (through nginx: 2.9×) | **NO** |",
      ),
    )
    expect(readmeWithTargets(updated, targets)).toBe(updated)
  })

  it('leaves a README without the marker as it is', () => {
    expect(readmeWithTargets('# Site\n\n| A | b |\n', targets)).toBe('# Site\n\n| A | b |\n')
  })

  it("the project's README holds the table of bench/results.md as it stands", () => {
    const results = readFileSync('bench/results.md', 'utf8')
    const project = readFileSync('README.md', 'utf8')
    expect(project).toContain(README_TABLE_MARKER)
    expect(readmeWithTargets(project, targetsIn(results))).toBe(project)
  })
})
