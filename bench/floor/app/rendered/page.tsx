/**
 * A page rendered anew for every request, never cached. The floor's own pages are all prerendered
 * at `next build`, so a floor server would otherwise never render anything while it runs, which no
 * real site is spared. bench/throughput.ts asks for this page once before measuring "the floor
 * after one page rendered at run time": rendering runs inside Node's AsyncLocalStorage, and on
 * Node 20 the first one switches on promise hooks for every promise the process makes afterwards,
 * cached responses included (a cost Wellpress pays from its first render on).
 */
export const dynamic = 'force-dynamic'

export default function RenderedPage() {
  return <p>Rendered at run time.</p>
}
