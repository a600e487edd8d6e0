import { stat } from 'node:fs/promises'
import path from 'node:path'

import type { CollectionConfig } from 'payload'

type UploadHandler = NonNullable<Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']>[number]

/**
 * `/api/<media>/file/<name>` for a file that is not on disk: a 404.
 * Payload's own file route answers those with a 500 ("Something went wrong."), which reads as a
 * server fault to visitors, crawlers and monitoring alike. Existing files fall through to
 * Payload's handler (it streams them, with ranges and its upload CSP).
 */
export function missingFileIs404(staticDir: string): UploadHandler {
  const root = path.resolve(staticDir)
  // Payload passes the matching document only when read access is a query; media is public, so
  // the file on disk is what decides.
  const handler = async (...[, { params }]: Parameters<UploadHandler>): Promise<Response | undefined> => {
    const notFound = () => Response.json({ errors: [{ message: 'No such file.' }] }, { status: 404 })
    const filePath = path.resolve(root, params.filename)
    // Payload refuses names outside the folder itself (400); leave that answer to it.
    if (!filePath.startsWith(root + path.sep)) return undefined
    try {
      await stat(filePath)
      return undefined
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notFound()
      throw error
    }
  }
  // Payload types a handler as returning Promise<Response> or Promise<void>; ours may do either.
  return handler as UploadHandler
}
