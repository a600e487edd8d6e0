/**
 * A module resolution hook (node:module `register`) for scripts run outside Next: lexical and its
 * @lexical/* packages resolve with the `production` export condition, which picks their plain
 * builds, not the "node" shims whose top-level await Node 20 can leave pending for good (see
 * scripts/startPayload.ts). Everything else resolves as usual.
 */
const LEXICAL = /^(lexical|@lexical\/[^/]+)$/

export async function resolve(specifier, context, nextResolve) {
  if (!LEXICAL.test(specifier)) return nextResolve(specifier, context)
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'production'] })
}
