import { draftMode } from 'next/headers'

import { EXIT_PREVIEW_PATH } from '@/lib/paths/preview'
import { LivePreviewRefresh } from './LivePreviewRefresh'
import styles from './PreviewBar.module.css'

/**
 * Shown on every page while draft mode is on: says plainly that this is the unpublished draft and
 * offers the way out. A plain link, not a Next <Link>, which would be prefetched and leave draft
 * mode before anyone clicks.
 */
export async function PreviewBar() {
  if (!(await draftMode()).isEnabled) return null
  return (
    <aside className={`preview-bar ${styles.bar}`} role="status" aria-label="Draft preview">
      <p>
        <strong>Draft preview</strong>: you are seeing unpublished changes. Visitors see the published page.{' '}
        <a href={EXIT_PREVIEW_PATH}>Exit preview</a>
      </p>
      <LivePreviewRefresh />
    </aside>
  )
}
