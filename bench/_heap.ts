/**
 * Where a server's JavaScript heap goes, from V8's sampling heap profile (`node --heap-prof`, written
 * when the process exits): every sampled allocation still alive at that moment, charged to the code
 * that allocated it (the innermost frame that names a package or a bundle; Node's own frames count
 * for their caller). Not a
 * benchmark itself (the leading `_`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

type ProfileNode = { callFrame: { functionName: string; url: string }; selfSize: number; children?: ProfileNode[] }
type HeapProfile = { head: ProfileNode }

/** `NODE_OPTIONS` for a server whose heap profile `summarizeHeapProfile` will read from `dir`. */
export const heapProfileOptions = (dir: string) => `--heap-prof --heap-prof-dir=${dir} --heap-prof-interval=65536`

const NODE = 'Node.js itself'
const ROOT = 'V8 and native (no script frame)'

/** The group a frame's script belongs to: the package, the server bundle, Node, or V8 itself. */
export function ownerOf(url: string): string | null {
  if (!url) return null
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (dependency) return ownerOfPackage(dependency[1])
  if (/\/\.next[^/]*\/server\//.test(url)) return 'Next server bundles (pages, layouts, lib/, React, bundled dependencies)'
  if (url.startsWith('node:')) return NODE
  return null
}

function ownerOfPackage(name: string): string {
  if (name === 'next') return 'Next.js (next/dist: router, response cache, renderer)'
  if (name === 'react' || name === 'react-dom') return 'React'
  if (name === 'payload') return 'Payload (config, collections, Local API)'
  if (/^@payloadcms\/(ui|next|richtext-lexical|live-preview)/.test(name) || /^lexical$|^@lexical\//.test(name)) return `Payload admin and editor code (${name})`
  if (/^@payloadcms\/db-|drizzle|libsql|^mongodb$|^mongoose$|^bson$/.test(name)) return `Database driver (${name})`
  return name
}

/** Live bytes per owner (largest first) and the total. */
export function summarizeHeapProfile(file: string): { total: number; owners: [string, number][] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as HeapProfile
  const owners = new Map<string, number>()
  let total = 0
  const walk = (node: ProfileNode, owner: string) => {
    // Node's own frames (reading and compiling a module, buffers, streams) work for their caller:
    // charged to it, unless nothing above them named an owner.
    const found = ownerOf(node.callFrame.url)
    const own = found === NODE && owner !== ROOT ? owner : (found ?? owner)
    if (node.selfSize) {
      owners.set(own, (owners.get(own) ?? 0) + node.selfSize)
      total += node.selfSize
    }
    for (const child of node.children ?? []) walk(child, own)
  }
  walk(profile.head, ROOT)
  return { total, owners: [...owners].sort((a, b) => b[1] - a[1]) }
}

/** The profile `pid` wrote into `dir` once it has exited (waits up to `timeoutMs` for it). */
export async function heapProfileOf(dir: string, pid: number, timeoutMs = 60_000): Promise<string | null> {
  const deadline = Date.now() + timeoutMs
  let lastSize = -1
  while (Date.now() < deadline) {
    const file = existsSync(dir) ? readdirSync(dir).find((name) => name.includes(`.${pid}.`) && name.endsWith('.heapprofile')) : undefined
    if (file) {
      const size = statSync(path.join(dir, file)).size
      // Written once, at exit: a size that holds still between two looks is complete.
      if (size > 0 && size === lastSize) return path.join(dir, file)
      lastSize = size
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return null
}
