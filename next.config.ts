import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Docker image runs Next's standalone server (see Dockerfile).
  output: 'standalone',
  // Tests build into their own folder so `npm test` never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Metadata (title, description, canonical) always lands in <head>, for every client, not
  // streamed in later: crawlers and link previews read it there.
  htmlLimitedBots: /.*/,
  // Unmatched URLs get the site's own 404 page (app/global-not-found.tsx), with two root layouts.
  experimental: { globalNotFound: true },
  // The seed reads the therapist's article from disk at run time; ship it with the server.
  outputFileTracingIncludes: { '/**': ['./lib/seed/content/**'] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
