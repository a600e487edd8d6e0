import { notFound } from 'next/navigation'

/**
 * What a page does when its document does not exist: follow a redirect stored for this path (an
 * old slug, or one the therapist added) permanently, else answer 404.
 * TODO(issue 3): look the path up in the `redirects` collection.
 */
export async function redirectOrNotFound(path: string | null): Promise<never> {
  void path
  notFound()
}
