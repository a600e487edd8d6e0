import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { securityEnv, securityHeaderRules } from './lib/security/headers'
import { MEDIA_FILE_PREFIX } from './lib/sitePaths'

const nextConfig: NextConfig = {
  // The Docker image runs Next's standalone server (the Dockerfile sets NEXT_OUTPUT); `next start`
  // serves the regular build, which standalone output would warn about.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // Tests build into their own folder so `npm test` never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Security headers on every response (lib/security/headers.ts). Read at `next build` into the
  // routes manifest: NODE_ENV and SITE_URL at build time decide HSTS and upgrade-insecure-requests.
  async headers() {
    return securityHeaderRules(securityEnv())
  },
  // proxy.ts redirects `/Blog/Post/` to `/blog/post` in one hop; Next's own trailing-slash
  // redirect would otherwise run first and make it two. proxy.ts strips trailing slashes itself.
  skipTrailingSlashRedirect: true,
  // The site renders plain <img> from Payload's own sizes; the image optimizer may only ever be
  // pointed at uploaded media, never at pages or API routes (an open door for odd URLs).
  images: { localPatterns: [{ pathname: `${MEDIA_FILE_PREFIX}**` }] },
  // Metadata (title, description, canonical) always lands in <head>, for every client, not
  // streamed in later: crawlers and link previews read it there.
  htmlLimitedBots: /.*/,
  // Unmatched URLs get the site's own 404 page (app/global-not-found.tsx), with two root layouts.
  // isrFlushToDisk: false keeps Next's data cache in memory. Next remembers purged cache tags in
  // memory only, so entries on disk would outlive a restart that forgot their purges (or a database
  // changed while the server was down) and serve old content (see lib/cache-tags.ts).
  experimental: { globalNotFound: true, isrFlushToDisk: false },
  // Read from disk at run time, so shipped with the server: the seed's article, and the fonts
  // of the generated share images (app/og).
  outputFileTracingIncludes: { '/**': ['./lib/seed/content/**'], '/og/**': ['./lib/og/fonts/**'] },
  // Never ship local state (the SQLite file, uploads, a generated secret) inside a build.
  outputFileTracingExcludes: { '/**': ['./data/**'] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
