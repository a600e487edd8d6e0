import {
  BlockquoteFeature,
  BlocksFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineToolbarFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  StrikethroughFeature,
  UnorderedListFeature,
  UploadFeature,
} from '@payloadcms/richtext-lexical'

import { ARTICLES, BENEFITS, MEDIA } from '../../lib/collections'
import { BenefitListBlock } from './benefitListBlock'

/**
 * The article editor: only what components/RichText.tsx renders (on the page and, through
 * components/ArticleBody.tsx, in the feeds), so every node the therapist can make shows up on the site. A test renders one
 * node of each kind (tests/unit/richtext-render.test.ts).
 *
 * Left out of Payload's defaults, on purpose:
 * - underline: on the web, underlined text reads as a link;
 * - inline code, subscript, superscript: no use in massage articles, one more button to puzzle over;
 * - align and indent: the site's typography sets alignment; they would only add inline styles;
 * - checklist: an interactive-looking checkbox that does nothing on a static page;
 * - relationship: a bare document reference with no agreed rendering (internal links cover it).
 */
export const ARTICLE_HEADING_SIZES = ['h2', 'h3', 'h4'] as const

export const articleEditor = lexicalEditor({
  features: () => [
    ParagraphFeature(),
    // h1 is the article's title; the body starts at h2.
    HeadingFeature({ enabledHeadingSizes: [...ARTICLE_HEADING_SIZES] }),
    BoldFeature(),
    ItalicFeature(),
    StrikethroughFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    // Internal links point at a document, so renaming its slug never breaks the link.
    LinkFeature({ enabledCollections: [ARTICLES, BENEFITS], maxDepth: 1 }),
    BlockquoteFeature(),
    // Alt text lives on the media document, where it is required and checked (collections/Media.ts).
    UploadFeature({ enabledCollections: [MEDIA], maxDepth: 1 }),
    HorizontalRuleFeature(),
    BlocksFeature({ blocks: [BenefitListBlock] }),
    // A visible toolbar for a writer who does not know the keyboard shortcuts or "/" menu.
    FixedToolbarFeature(),
    InlineToolbarFeature(),
  ],
})
