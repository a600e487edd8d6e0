/**
 * Which client modules each JavaScript chunk of a production build carries, from the build's
 * client reference manifests: for bench/client-js.ts's table of chunks and bench/lighthouse.ts's
 * account of what the simulated LCP waited for. Not a benchmark itself (the leading `_`).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Chunk file → the client modules the build's client reference manifests place in it, as
 * `components/X.tsx` for the project's own files and the package name for dependencies.
 */
export function clientModulesByChunk(distDir: string): Map<string, Set<string>> {
  const byChunk = new Map<string, Set<string>>()
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : entry.name.endsWith('_client-reference-manifest.js') ? [path.join(dir, entry.name)] : [],
    )
  for (const file of walk(path.join(distDir, 'server', 'app'))) {
    const source = readFileSync(file, 'utf8')
    const json = /=\s*(\{[\s\S]*\})\s*;?\s*$/.exec(source)?.[1]
    if (!json) continue
    const manifest = JSON.parse(json) as { clientModules?: Record<string, { chunks?: string[] }> }
    for (const [moduleId, { chunks = [] }] of Object.entries(manifest.clientModules ?? {})) {
      const name = moduleName(moduleId)
      for (const chunk of chunks) {
        const chunkFile = chunk.split('/').pop()!
        if (!byChunk.has(chunkFile)) byChunk.set(chunkFile, new Set())
        byChunk.get(chunkFile)!.add(name)
      }
    }
  }
  return byChunk
}

function moduleName(moduleId: string): string {
  const file = moduleId.replace(/^\[project\]\//, '').replace(/\s*<.*>$/, '').replace(/\s*\[.*\]$/, '')
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)
  return dependency ? dependency[1] : file
}
