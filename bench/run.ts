/**
 * `npm run bench`: runs every benchmark in bench/ (each file but this one, alphabetically, or only
 * those named on the command line: `npm run bench -- publish-latency`) and writes their reports to
 * bench/results.md. A benchmark is a module whose default export resolves to its Markdown section.
 * Benchmarks measure; they do not fail the build (targets are stated in their reports).
 */
import { readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

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

const sections: string[] = []
for (const file of files) {
  console.log(`\n▶ bench/${file}`)
  const { default: bench } = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default: Benchmark }
  const section = await bench()
  console.log(section)
  sections.push(section)
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const report = `# Benchmark results\n\nRun ${new Date().toISOString()} on ${machine}. Regenerate with \`npm run bench\`.\n\n${sections.join('\n\n')}\n`
writeFileSync(path.join(benchDir, 'results.md'), report)
console.log(`\nWrote bench/results.md`)
// The servers the benchmarks started are stopped; nothing else should keep the process alive.
process.exit(0)
