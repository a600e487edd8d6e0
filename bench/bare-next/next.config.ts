import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { NextConfig } from 'next'

/**
 * The bare Next.js app bench/lighthouse.ts audits its replica of the article on: Next's
 * defaults, nothing else. It has no node_modules of its own: `next`, `react` and `react-dom`
 * resolve from the repository root (Node walks up the folders), so it always runs the project's
 * exact versions. Turbopack may only read files under its root, hence the root is the repository.
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const nextConfig: NextConfig = {
  // A fixed folder of its own (gitignored by `.next*/`), which bench/bare-next/tsconfig.json lists
  // for Next's generated route types.
  distDir: '.next-bench',
  turbopack: { root: repositoryRoot },
  // With the repository as Turbopack's root, the build would also pick up Wellpress's own
  // proxy.ts and instrumentation.ts there. The bare app's files are all .tsx; those two are .ts.
  pageExtensions: ['tsx'],
  outputFileTracingRoot: repositoryRoot,
}

export default nextConfig
