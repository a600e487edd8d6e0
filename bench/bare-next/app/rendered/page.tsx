import { connection } from 'next/server'

/**
 * A page rendered on every request, which the bare app otherwise never does (its pages are
 * prerendered at build). bench/throughput.ts requests it once on a second bare server: on Node 20
 * the first render switches on AsyncLocalStorage's async hooks for the rest of the process, which
 * every later request pays for, as it does in any Next server that ever renders at run time.
 */
export default async function RenderedPage() {
  await connection()
  return <p>Rendered at {new Date().toISOString()}.</p>
}
