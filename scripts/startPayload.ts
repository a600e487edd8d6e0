import { register } from 'node:module'

import type { Payload } from 'payload'

/**
 * Payload's Local API for a script run with tsx (outside Next), on the database DATABASE_URI names.
 * Call it after setting any environment the config reads (lib/config/env.ts reads it once, at import), and
 * before importing other app modules.
 *
 * Why not just `await import('../payload.config')`: for Node, lexical (the rich text editor's
 * engine) publishes "node" builds that are shims, each a top-level `await import()` of the real
 * build. Payload's editor loads a dozen of them in one module graph, and Node 20 can leave one of
 * those imports pending for good: the event loop then runs empty and the script exits 13 ("unsettled
 * top-level await") with nothing printed, more often the busier the machine. (Plain `node` importing
 * @payloadcms/richtext-lexical exits 13 nearly every time; tsx's loader changes the timing.) The
 * `production` export condition picks lexical's plain builds, which have no top-level await; the
 * code is the same, without the development warnings (scripts/resolveLexicalWithoutTopLevelAwait.mjs,
 * registered before anything imports lexical). tests/int/script-startup.test.ts shows the difference.
 */
export async function startPayload(): Promise<Payload> {
  resolveLexicalWithoutTopLevelAwait()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  return getPayload({ config })
}

let registered = false

function resolveLexicalWithoutTopLevelAwait() {
  if (registered) return
  registered = true
  register('./resolveLexicalWithoutTopLevelAwait.mjs', import.meta.url)
}
