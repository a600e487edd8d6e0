'use client'

import { RefreshRouteOnSave } from '@payloadcms/live-preview-react'
import { useRouter } from 'next/navigation'

/**
 * Inside the admin's Live Preview pane: re-renders the page on the server each time the editor's
 * draft saves (autosave included), so the preview follows the writing. Loaded lazily by
 * LivePreviewRefresh, in draft mode only.
 *
 * The admin is served by this same app, so its origin is this page's origin: the only sender
 * whose messages are accepted. (SITE_URL can differ from the address being browsed: another
 * spelling of the host, a proxy, or the tests' server.)
 */
export default function LivePreviewListener() {
  const router = useRouter()
  return <RefreshRouteOnSave refresh={() => router.refresh()} serverURL={window.location.origin} />
}
