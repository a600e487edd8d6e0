import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  type JSXConvertersFunction,
  LinkJSXConverter,
  RichText as LexicalRichText,
} from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import { routes } from '../lib/site'

type BlockRenderers = Record<string, () => ReactNode>

/** Internal links point at documents; their URL comes from the same route map as everywhere. */
const internalDocToHref = ({ linkNode }: { linkNode: { fields: { doc?: unknown } } }) => {
  const doc = linkNode.fields.doc as { relationTo?: string; value?: { slug?: string } | string } | undefined
  const slug = typeof doc?.value === 'object' ? doc.value.slug : undefined
  if (!slug) return '#'
  if (doc?.relationTo === 'benefits') return routes.benefit(slug)
  if (doc?.relationTo === 'authors') return routes.author(slug)
  if (doc?.relationTo === 'topics') return routes.topic(slug)
  return routes.article(slug)
}

/** Renders Lexical content to plain HTML on the server: no editor, no client JavaScript. */
export function RichText({
  data,
  blocks = {},
  className = 'prose',
}: {
  data: unknown
  blocks?: BlockRenderers
  className?: string
}) {
  if (!data || typeof data !== 'object' || !('root' in data)) return null
  const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
    ...defaultConverters,
    ...LinkJSXConverter({ internalDocToHref }),
    blocks: Object.fromEntries(Object.entries(blocks).map(([slug, render]) => [slug, () => render()])),
  })
  return <LexicalRichText className={className} data={data as SerializedEditorState} converters={converters} disableContainer={false} />
}

/** True when the document places a block of this type itself. */
export function hasBlock(data: unknown, blockType: string): boolean {
  const children = (data as SerializedEditorState | null)?.root?.children ?? []
  return children.some((node) => node.type === 'block' && (node as { fields?: { blockType?: string } }).fields?.blockType === blockType)
}
