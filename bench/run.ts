/**
 * `npm run bench`: runs every benchmark in bench/ (each file but this one, alphabetically, or only
 * those named on the command line: `npm run bench -- publish-latency`) and writes their reports to
 * bench/results.md, and the table of targets into README.md's Performance section. A benchmark is
 * a module whose default export resolves to its Markdown section.
 * Benchmarks measure; they do not fail the build (targets are stated in their reports).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { readmeWithTargets, targetsIn, targetsTable } from './_targets'

export type Benchmark = () => Promise<string>

const benchDir = path.dirname(fileURLToPath(import.meta.url))
const wanted = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.startsWith('_'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.ts$/, '')))
  .sort()

if (files.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ')}. Available: ${readdirSync(benchDir).join(', ')}`)
  process.exit(1)
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const resultsFile = path.join(benchDir, 'results.md')
const readmeFile = path.join(benchDir, '..', 'README.md')

/**
 * The sections already in results.md, by the bench file their heading names ("## … (bench/x.ts)"),
 * so running one benchmark replaces its own section and keeps the others' last results.
 */
function previousSections(): Map<string, string> {
  if (!existsSync(resultsFile)) return new Map()
  const [header, ...sections] = readFileSync(resultsFile, 'utf8').split(/^(?=## )/m)
  // Results written before sections carried their own date had one run line for the whole file.
  const oldRun = /^Run (\S+ on .+?)\. Regenerate/m.exec(header)?.[1]
  const available = new Set(readdirSync(benchDir))
  return new Map(
    sections.flatMap((section) => {
      const file = /^## .*\(bench\/([\w-]+\.ts)\)/.exec(section)?.[1]
      if (!file || !available.has(file)) return []
      const dated = section.includes('\n_Run ') || !oldRun ? section : section.replace(/^(## .*)$/m, `$1\n\n_Run ${oldRun}._`)
      return [[file, dated.trim()] as [string, string]]
    }),
  )
}

const sections = previousSections()

/** bench/results.md as it stands: the table of targets, then every section, newest or kept. */
function writeResults() {
  const ordered = [...sections.keys()].sort().map((file) => sections.get(file) as string)
  const summary = targetsTable(ordered.flatMap(targetsIn))
  const report = `# Benchmark results\n\nRegenerate with \`npm run bench\` (all), or one: \`npm run bench -- load\`. Compare ratios within one run, not absolute numbers across machines.\n\n${summary}\n\n${ordered.join('\n\n')}\n`
  writeFileSync(resultsFile, report)
  // The README repeats the table (its Performance section): kept in step here, not by hand.
  const targets = ordered.flatMap(targetsIn)
  if (existsSync(readmeFile)) writeFileSync(readmeFile, readmeWithTargets(readFileSync(readmeFile, 'utf8'), targets))
}

const failed: string[] = []
for (const file of files) {
  console.log(`\n▶ bench/${file}`)
  const { default: bench } = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default?: Benchmark }
  // Helpers such as seed-scale.ts (a CLI the scale bench runs) export no benchmark.
  if (typeof bench !== 'function') {
    console.log(`  not a benchmark (no default export): skipped`)
    continue
  }
  try {
    const section = await bench()
    console.log(section)
    // Each section says when and where it was measured: sections from earlier runs are kept.
    sections.set(file, section.replace(/^(## .*)$/m, `$1\n\n_Run ${new Date().toISOString()} on ${machine}._`))
    // Written after each benchmark, so a later failure loses nothing already measured.
    writeResults()
  } catch (error) {
    // One broken benchmark does not stop the others; the run still fails at the end.
    console.error(`bench/${file} failed:`, error)
    failed.push(file)
  }
}
writeResults()
console.log(`\nWrote bench/results.md`)
if (failed.length) console.error(`Failed: ${failed.map((file) => `bench/${file}`).join(', ')}`)
// The servers the benchmarks started are stopped; nothing else should keep the process alive.
process.exit(failed.length ? 1 : 0)
