import { mkdirSync } from 'node:fs'

/**
 * Everything the site keeps on disk (the SQLite file, uploads, the generated secret, backups)
 * holds private data: password hashes, visitors' messages. Folders are created readable by the
 * app's own user only, files likewise.
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates `dir` (and any missing parent) for the app's user only; an existing folder is left as it is. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
}
