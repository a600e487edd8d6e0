'use client'

import dynamic from 'next/dynamic'

/**
 * Loads the live-preview listener on demand. A client component imported from the layout ships
 * with every page; this loader is a few bytes, and the listener's code is fetched only where it
 * renders (PreviewBar, in draft mode), so public pages carry none of it. Browser-only: it talks
 * to the admin window through postMessage.
 */
export const LivePreviewRefresh = dynamic(() => import('./LivePreviewListener'), { ssr: false })
