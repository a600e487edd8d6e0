import type { SerializedEditorState, SerializedLexicalNode } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConverters, type JSXConvertersFunction, RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'

import type { Media } from '@/payload-types'
import { headingIds } from '@/lib/richtext/headings'
import { type LexicalNode, TEXT_FORMAT_TAGS } from '@/lib/richtext/lexical'
import { type LinkFields, linkHref, newTabAttributes } from '@/lib/richtext/links'
import { MediaImage } from './MediaImage'

type BlockRenderers = Record<string, () => ReactNode>

type LinkConverterArgs = {
  node: { fields: unknown; children: SerializedLexicalNode[] }
  nodesToJSX: (args: { nodes: SerializedLexicalNode[] }) => ReactNode[]
}

type ImageDoc = Pick<Media, 'alt' | 'url' | 'width' | 'height' | 'sizes'> & { caption?: string | null }

/** The column width the article body is set in (styles.css `.prose`), for the browser's pick of size. */
const BODY_IMAGE_SIZES = '(min-width: 48rem) 46rem, 100vw'

function converters(ids: Map<LexicalNode, string>, blocks: BlockRenderers): JSXConvertersFunction {
  return ({ defaultConverters }) => {
    // One renderer for typed links and auto-detected ones (a URL typed into the text).
    const link = ({ node, nodesToJSX }: LinkConverterArgs) => {
      const children = nodesToJSX({ nodes: node.children })
      const fields = node.fields as LinkFields
      const href = linkHref(fields)
      // A link to a draft or deleted page, or to an unsafe URL, keeps its words and loses the link.
      if (!href) return <>{children}</>
      return (
        <a href={href} {...newTabAttributes(fields)}>
          {children}
        </a>
      )
    }
    return {
      ...defaultConverters,
      // Semantic tags for the formats the editor offers; no inline styles.
      text: ({ node }) => TEXT_FORMAT_TAGS.reduce<ReactNode>((text, [bit, Tag]) => (node.format & bit ? <Tag>{text}</Tag> : text), node.text),
      heading: ({ node, nodesToJSX }) => {
        const Tag = (['h2', 'h3', 'h4', 'h5', 'h6'] as const).find((tag) => tag === node.tag) ?? 'h2'
        return <Tag id={ids.get(node as unknown as LexicalNode)}>{nodesToJSX({ nodes: node.children })}</Tag>
      },
      // Plain lists: the editor has no checklists, and the default writes an empty `class` on every item.
      list: ({ node, nodesToJSX }) => {
        const Tag = node.tag === 'ol' ? 'ol' : 'ul'
        return <Tag>{nodesToJSX({ nodes: node.children })}</Tag>
      },
      listitem: ({ node, nodesToJSX }) => <li>{nodesToJSX({ nodes: node.children })}</li>,
      link,
      autolink: link,
      upload: ({ node }) => {
        const image = node.value as ImageDoc | string | null | undefined
        if (!image || typeof image !== 'object' || !image.url) return null
        const picture = <MediaImage image={image} size="hero" sizes={BODY_IMAGE_SIZES} />
        return image.caption ? (
          <figure>
            {picture}
            <figcaption>{image.caption}</figcaption>
          </figure>
        ) : (
          picture
        )
      },
      blocks: Object.fromEntries(Object.entries(blocks).map(([slug, render]) => [slug, () => render()])),
      // A node this renderer does not know is left out rather than shown as "unknown node".
      unknown: () => null,
    }
  }
}

/**
 * Renders Lexical content to plain HTML on the server: no editor, no client JavaScript. Headings
 * get the ids that lib/richtext/headings.ts gives them (the table of contents links to those);
 * `reservedIds` are other ids on the page that headings must not take.
 */
export function RichText({
  data,
  blocks = {},
  className = 'prose',
  reservedIds = [],
}: {
  data: unknown
  blocks?: BlockRenderers
  className?: string
  reservedIds?: Iterable<string>
}) {
  if (!data || typeof data !== 'object' || !('root' in data)) return null
  const ids = headingIds(data, reservedIds)
  return (
    <LexicalRichText
      className={className}
      data={data as SerializedEditorState<SerializedLexicalNode>}
      converters={converters(ids, blocks)}
      disableContainer={false}
      // Alignment and indent are not editor features; pasted values must not style the page.
      disableIndent
      disableTextAlign
    />
  )
}
