import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Imports run one way (ARCHITECTURE.md): app → components → lib, collections → lib. lib never
 * reaches back up into collections/, components/ or app/; components never into app/; collections
 * never into app/ or components/ (admin components they name by path string are not imports).
 * And none of them imports Next's internals (next/dist/).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const FORBIDDEN: Record<string, string[]> = {
  lib: ['collections', 'components', 'app'],
  components: ['app'],
  collections: ['app', 'components'],
  app: [],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

/** Every module specifier in a file: static imports and re-exports, dynamic import(), require(). */
function importSpecifiers(source: string): string[] {
  const pattern = /\b(?:from|import)\s*\(?\s*['"]([^'"\n]+)['"]|\brequire\s*\(\s*['"]([^'"\n]+)['"]/g
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2])
}

/** The top-level folder a specifier points into, seen from `file`; null for packages. */
function targetFolder(file: string, specifier: string): string | null {
  let target: string
  if (specifier.startsWith('@/')) target = specifier.slice(2)
  else if (specifier.startsWith('.')) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
  else return null
  return target.split('/')[0]
}

function violations(): string[] {
  const found: string[] = []
  for (const [folder, forbidden] of Object.entries(FORBIDDEN)) {
    for (const file of sourceFiles(folder)) {
      for (const specifier of importSpecifiers(readFileSync(path.join(ROOT, file), 'utf8'))) {
        const target = targetFolder(file, specifier)
        if (target && forbidden.includes(target)) found.push(`${file} imports ${specifier}`)
      }
    }
  }
  return found
}

/**
 * Next's internals (`next/dist/...`) are no API: they move between minor releases. App code uses
 * Next's public entry points; the cache handler is the site's own (lib/cache/handler.js).
 */
function nextInternalImports(): string[] {
  const found: string[] = []
  for (const folder of Object.keys(FORBIDDEN)) {
    for (const file of sourceFiles(folder)) {
      for (const specifier of importSpecifiers(readFileSync(path.join(ROOT, file), 'utf8'))) {
        if (specifier.startsWith('next/dist/') || specifier === 'next/dist') found.push(`${file} imports ${specifier}`)
      }
    }
  }
  return found
}

describe('import direction', () => {
  it('finds the specifiers the rule is checked on', () => {
    const source = `import a from '@/lib/x'\nimport type { B } from "../components/B"\nexport { c } from './c'\nconst d = await import('../../app/d')\nconst e = require('@/collections/e')`
    expect(importSpecifiers(source)).toEqual(['@/lib/x', '../components/B', './c', '../../app/d', '@/collections/e'])
    expect(targetFolder('lib/seo/feeds.ts', '../../collections/Articles')).toBe('collections')
    expect(targetFolder('lib/seo/feeds.ts', './summary')).toBe('lib')
    expect(targetFolder('components/X.tsx', '@/app/page')).toBe('app')
    expect(targetFolder('lib/x.ts', 'payload')).toBeNull()
  })

  it('lib never imports collections/, components/ or app/; components never app/; collections never app/ or components/', () => {
    expect(violations()).toEqual([])
  })

  it('nothing in lib/, components/, collections/ or app/ imports from next/dist/', () => {
    expect(nextInternalImports()).toEqual([])
  })
})
