import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { ADMIN_SOURCE, securityEnv, securityHeaderRules } from './lib/security/headers'
import { CACHE_MAX_MEMORY_BYTES } from './lib/cache/memory'
import { MEDIA_FILE_PREFIX } from './lib/paths/canonical'

const nextConfig: NextConfig = {
  // The Docker image runs Next's standalone server (the Dockerfile sets NEXT_OUTPUT); `next start`
  // serves the regular build, which standalone output would warn about.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // Tests build into their own folder so `npm test` never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Next hashes the whole page for an ETag on every response, cached or not: about a tenth of a
  // millisecond per 40 KB page, a third of what serving it costs (bench/throughput.ts). Pages say
  // how long they stay fresh (Cache-Control s-maxage), and the caching proxy in front keeps them.
  generateEtags: false,
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
  // How long a cache in front (nginx, a CDN) may keep serving a page it holds while it fetches a
  // fresh copy: a day (Cache-Control stale-while-revalidate), not Next's default of a year.
  expireTime: 24 * 60 * 60,
  // Bounded (lib/cache/memory.ts says why this much); the least recently read beyond it are dropped.
  cacheMaxMemorySize: CACHE_MAX_MEMORY_BYTES,
  // The site's own in-memory cache and record of purges, with stamps that keep a purge effective
  // on a busy server and a stepped clock, and no stale 404s (lib/cache/handler.js explains each).
  cacheHandler: fileURLToPath(new URL('./lib/cache/handler.js', import.meta.url)),
  // Unmatched URLs get the site's own 404 page (app/global-not-found.tsx), with two root layouts.
  // isrFlushToDisk: the cache handler keeps pages and data in memory whatever this says
  // (lib/cache/store.js). It stays false for Next's image optimizer, which reads it too: without a
  // custom image cache (`images.customCacheHandler`) it would otherwise keep every resized upload
  // under `<distDir>/cache/images`, up to half the free disk by default. The site serves its own
  // sizes in plain <img>: nothing it renders needs /_next/image cached.
  // inlineCss: the stylesheet (10 KB, 3 KB gzipped: a site-wide sheet and the components' CSS
  // modules) comes inside each page's HTML instead of as files the first paint waits for. It is
  // written twice (a <style> and the RSC payload: about 3 KB more per page on the wire) and is not
  // cached across pages, but a first visit on a slow phone no longer waits a round trip for it:
  // with Lighthouse's throttling applied, LCP fell from 1.57-1.75 s to 0.93-1.09 s on home,
  // article and author (bench/results.md). Experimental in Next 16; the CSP allows inline styles.
  // cssChunking 'graph' (Turbopack) keeps the modules in as few chunks as the routes allow.
  // preloadEntriesOnStart false: `next start` would otherwise load every route's code as it starts,
  // the admin, GraphQL and the share images included, and Turbopack bundles Payload's modules once
  // per group of route handlers (four copies of 3.4 MB). Loaded on first use instead, the server
  // ends a load of the site's pages 11-23 MiB smaller (361 MiB against 374-384 with V8's own
  // sizing, 328 against 339-351 under scripts/start.sh's settings) and serves its first page
  // sooner; the first request to each route pays for loading it (bench/results.md, Cold start).
  experimental: { globalNotFound: true, isrFlushToDisk: false, cssChunking: 'graph', inlineCss: true, preloadEntriesOnStart: false },
  // Read from disk at run time, so shipped with the server: the seed's article, and the fonts
  // of the generated share images (app/og).
  outputFileTracingIncludes: { '/**': ['./lib/seed/content/**'], '/og/**': ['./lib/og/fonts/**'] },
  // Never ship local state (the SQLite file, uploads, a generated secret) inside a build.
  outputFileTracingExcludes: { '/**': ['./data/**'] },
}

/**
 * withPayload asks every browser for its colour-scheme hint on every path (`Critical-CH`), which
 * makes Chromium restart each first visit to send it: a wasted round trip before a public page can
 * paint. Only the admin follows the colour scheme, so the hint is asked for there alone.
 */
function colourSchemeHintOnlyForAdmin(config: NextConfig): NextConfig {
  const headers = config.headers
  if (!headers) return config
  return {
    ...config,
    async headers() {
      return (await headers()).map((rule) =>
        rule.headers.some(({ key }) => key.toLowerCase() === 'critical-ch') ? { ...rule, source: ADMIN_SOURCE } : rule,
      )
    },
  }
}

export default colourSchemeHintOnlyForAdmin(withPayload(nextConfig, { devBundleServerPackages: false }))
