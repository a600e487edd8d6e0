import { permanentRedirect } from 'next/navigation'

import { findRedirect } from './find'

/**
 * What a page does first when its document does not exist: follow a redirect stored for this path
 * (an old slug, or one the therapist added) permanently (308). Returns when there is none; the
 * page then answers 404 (components/NotFoundPage.tsx).
 */
export async function followStoredRedirect(path: string | null): Promise<void> {
  const redirect = path ? await findRedirect(path) : null
  if (redirect) permanentRedirect(redirect.target)
}
