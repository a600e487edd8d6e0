import {
  block,
  editorState,
  externalLink,
  heading,
  horizontalRule,
  internalLink,
  linebreak,
  list,
  paragraph,
  paragraphOf,
  quote,
  text,
  TEXT_FORMAT,
  upload,
  type LexicalState,
} from '@/lib/richtext/lexical'

/**
 * One of every node the article editor (collections/Articles/editor.ts) can produce, as the
 * editor stores them. Linked documents are ids (as saved) or populated documents (as read).
 */
export type EveryNodeTargets = {
  article: string | Record<string, unknown>
  benefit: string | Record<string, unknown>
  image: string | Record<string, unknown>
}

export const EVERY_NODE_TEXT = {
  h2: 'Why massage helps',
  h2Again: 'Why massage helps',
  h3: 'Circulation & lymph',
  h4: 'A note on pressure',
  bold: 'firm strokes',
  italic: 'gentle pace',
  strike: 'no pain no gain',
  afterBreak: 'on a new line',
  bullets: ['Drink water', 'Rest an hour'],
  numbered: ['Breathe in', 'Breathe out'],
  quote: 'Touch is the first language we learn.',
  external: 'a 2010 study',
  externalUrl: 'https://example.org/study',
  autolinkUrl: 'https://example.org/auto',
  articleLink: 'our article on sleep',
  benefitLink: 'reduced stress',
} as const

export function everyNodeDocument({ article, benefit, image }: EveryNodeTargets): LexicalState {
  const t = EVERY_NODE_TEXT
  return editorState([
    heading(t.h2, 'h2'),
    paragraphOf([
      text('We use '),
      text(t.bold, TEXT_FORMAT.bold),
      text(' at a '),
      text(t.italic, TEXT_FORMAT.italic),
      text(', never '),
      text(t.strike, TEXT_FORMAT.strikethrough),
      text('.'),
      linebreak(),
      text(t.afterBreak),
    ]),
    heading(t.h3, 'h3'),
    list('bullet', [...t.bullets]),
    list('number', [...t.numbered]),
    heading(t.h4, 'h4'),
    quote(t.quote),
    paragraphOf([
      text('See '),
      externalLink(t.external, t.externalUrl, { newTab: true }),
      text(', '),
      internalLink(t.articleLink, 'articles', article),
      text(' and '),
      internalLink(t.benefitLink, 'benefits', benefit),
      text('. Also '),
      {
        type: 'autolink',
        version: 2,
        direction: 'ltr',
        format: '',
        indent: 0,
        fields: { linkType: 'custom', url: t.autolinkUrl },
        children: [text(t.autolinkUrl)],
      },
    ]),
    upload('media', image),
    horizontalRule(),
    block('benefitList', 'benefit-list-1'),
    heading(t.h2Again, 'h2'),
    paragraph('The end.'),
  ])
}
