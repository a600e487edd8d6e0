import type { Graph } from 'schema-dts'

import { serializeJsonLd } from '@/lib/seo/jsonld'

/** A page's structured data: one JSON-LD script holding the page's whole graph. */
export function JsonLd({ data }: { data: Graph }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}
