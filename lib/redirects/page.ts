import { notFound, permanentRedirect } from 'next/navigation'

import { findRedirect } from './find'

/**
 * What a page does when its document does not exist: follow a redirect stored for this path (an
 * old slug, or one the therapist added) permanently (308), else answer 404.
 */
export async function redirectOrNotFound(path: string | null): Promise<never> {
  const redirect = path ? await findRedirect(path) : null
  if (redirect) permanentRedirect(redirect.target)
  notFound()
}
