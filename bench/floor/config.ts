import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { CACHE_MAX_MEMORY_BYTES } from '../../lib/cache/memory'
import { securityEnv, securityHeaderRules } from '../../lib/security/headers'

/**
 * The floor (bench/floor/, issue 19) and the layered copies of it bench/layers.ts builds: Next's
 * defaults, plus whichever of Wellpress's own settings `layers` names, each exactly as
 * next.config.ts has it. The layers that are files (instrumentation, ISR, the proxy) are written by
 * bench/_floor.ts; these are the ones that live in the config.
 *
 * No node_modules of its own: `next` and `react` resolve from the repository root, so it always
 * runs the project's exact versions. Turbopack may only read files under its root: the repository.
 */
export type Layer = 'headers' | 'settings' | 'instrumentation' | 'isr' | 'cache' | 'proxy' | 'payload'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function floorConfig(layers: readonly Layer[]): NextConfig {
  const has = (layer: Layer) => layers.includes(layer)
  const config: NextConfig = {
    distDir: '.next-floor',
    turbopack: { root: repositoryRoot },
    // With the repository as Turbopack's root, Next would also find Wellpress's own proxy.ts and
    // instrumentation.ts there; the floor's files are all .tsx, those two .ts.
    pageExtensions: ['tsx'],
    outputFileTracingRoot: repositoryRoot,
    // The repository's own `tsc --noEmit` checks these files; each build need not.
    typescript: { ignoreBuildErrors: true },
    ...(has('headers') ? { headers: async () => securityHeaderRules(securityEnv()) } : {}),
    ...(has('settings')
      ? { poweredByHeader: false, generateEtags: false, skipTrailingSlashRedirect: true, htmlLimitedBots: /.*/, expireTime: 24 * 60 * 60 }
      : {}),
    ...(has('cache')
      ? {
          cacheMaxMemorySize: CACHE_MAX_MEMORY_BYTES,
          cacheHandler: path.join(repositoryRoot, 'lib', 'cache', 'handler.js'),
          experimental: { isrFlushToDisk: false },
        }
      : {}),
  }
  return has('payload') ? withPayload(config, { devBundleServerPackages: false }) : config
}
