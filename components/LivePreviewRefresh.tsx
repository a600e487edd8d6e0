'use client'

import { lazy, Suspense, useEffect, useState } from 'react'

/**
 * Loads the live-preview listener on demand. A client component imported from the layout ships
 * with every page; this loader is a few bytes, and the listener's code is fetched only where it
 * renders (PreviewBar, in draft mode), so public pages carry none of it. React's own `lazy`, not
 * `next/dynamic`: that one brings its loader machinery (about 1.4 KB gzipped) to every page
 * (bench/client-js.ts). Browser-only: it talks to the admin window through postMessage, so it
 * renders after hydration, never on the server.
 */
const LivePreviewListener = lazy(() => import('./LivePreviewListener'))

export function LivePreviewRefresh() {
  const [inBrowser, setInBrowser] = useState(false)
  useEffect(() => setInBrowser(true), [])
  return inBrowser ? (
    <Suspense fallback={null}>
      <LivePreviewListener />
    </Suspense>
  ) : null
}
