import type { CollectionConfig } from 'payload'

import { articleSummary } from '../../lib/seo/summary'
import { authenticated, authenticatedOrPublished } from '../access'
import { searchText } from '../fields/searchText'
import { slug } from '../fields/slug'
import { publicPageCollection } from '../publicPage'
import { ARTICLES, AUTHORS, BENEFITS, MEDIA, TOPICS } from '../../lib/collections'
import { authorProfileOf } from '../../lib/auth/authorProfile'
import { articleEditor } from './editor'
import { setPublishedAt } from './hooks/setPublishedAt'
import { signWithWritersProfile } from './hooks/signWithWritersProfile'

export const EXCERPT_MAX_LENGTH = 300

const currentYear = () => new Date().getFullYear()

export const Articles: CollectionConfig<typeof ARTICLES> = publicPageCollection(
  {
    slug: ARTICLES,
    labels: { singular: 'Article', plural: 'Articles' },
    access: {
      create: authenticated,
      read: authenticatedOrPublished,
      readVersions: authenticated,
      update: authenticated,
      delete: authenticated,
    },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'author', '_status', 'publishedAt', 'updatedAt'],
      description: 'Your blog posts. Drafts save as you type and stay private until you publish.',
      // The "Preview" button (collections/publicPage.ts): the latest draft on the real site layout, for logged-in users.
    },
    defaultSort: '-publishedAt',
    fields: [
      { name: 'title', type: 'text', required: true, maxLength: 200 },
      {
        name: 'excerpt',
        type: 'textarea',
        maxLength: EXCERPT_MAX_LENGTH,
        admin: {
          description: `Optional: one or two sentences for article cards and search results (up to ${EXCERPT_MAX_LENGTH} characters). Left empty, the opening of the article is used, as shown here.`,
          // Shows, as its placeholder, the summary the body gives while the field is empty.
          components: { Field: '/components/admin/ExcerptField#ExcerptField' },
        },
      },
      { name: 'heroImage', type: 'upload', relationTo: MEDIA },
      {
        name: 'content',
        type: 'richText',
        required: true,
        editor: articleEditor,
      },
      {
        // What cards, meta and Open Graph descriptions, feeds, search results and JSON-LD say about
        // the article: the excerpt, or the body's opening (lib/seo/summary.ts). Stored, not derived
        // when read: lists of cards would otherwise read every article's whole body to show two
        // lines of it. Rebuilt on every save, drafts and autosaves included, so each version carries
        // the summary of its own text and a restored version brings its summary back with it.
        name: 'summary',
        type: 'textarea',
        admin: { hidden: true, disableListColumn: true, disableListFilter: true },
        hooks: {
          beforeChange: [
            ({ siblingData, originalDoc }) =>
              articleSummary({
                // A partial update (say, only a new title) keeps the words already saved.
                excerpt: 'excerpt' in siblingData ? siblingData.excerpt : originalDoc?.excerpt,
                content: 'content' in siblingData ? siblingData.content : originalDoc?.content,
              }) || null,
          ],
        },
      },
      {
        name: 'benefits',
        type: 'relationship',
        relationTo: BENEFITS,
        hasMany: true,
        admin: { description: 'The benefits this article lists, in the order they are numbered. Drag to reorder.' },
      },
      {
        name: 'references',
        type: 'array',
        labels: { singular: 'Reference', plural: 'References' },
        admin: { description: 'Sources behind the health claims in this article.', initCollapsed: true },
        fields: [
          { name: 'title', type: 'text', required: true },
          {
            name: 'url',
            type: 'text',
            validate: (value: unknown) =>
              !value || (typeof value === 'string' && /^https?:\/\/\S+$/.test(value)) || 'Enter a full web address starting with https://',
          },
          { name: 'publisher', type: 'text' },
          {
            name: 'year',
            type: 'number',
            min: 1800,
            validate: (value: unknown) =>
              value === null ||
              value === undefined ||
              (Number.isInteger(value) && (value as number) >= 1800 && (value as number) <= currentYear() + 1) ||
              `Enter a year between 1800 and ${currentYear() + 1}.`,
          },
        ],
      },
      // Sidebar
      slug('title'),
      {
        // Not required: a new article is signed with the writer's own profile (the default here, and
        // made for her on her first article by signWithWritersProfile); she may pick a guest author.
        name: 'author',
        type: 'relationship',
        relationTo: AUTHORS,
        defaultValue: ({ user }) => authorProfileOf(user) ?? undefined,
        admin: {
          position: 'sidebar',
          description: 'Whose byline this article carries: your own author profile unless you choose another.',
        },
      },
      { name: 'topics', type: 'relationship', relationTo: TOPICS, hasMany: true, admin: { position: 'sidebar' } },
      {
        name: 'publishedAt',
        type: 'date',
        index: true,
        admin: {
          position: 'sidebar',
          date: { pickerAppearance: 'dayAndTime' },
          description: 'Set automatically when you first publish.',
        },
      },
      {
        name: 'reviewedBy',
        type: 'relationship',
        relationTo: AUTHORS,
        label: 'Medically reviewed by',
        admin: {
          position: 'sidebar',
          description: 'Optional: a qualified colleague who checked the health content. Shown as "Reviewed by …".',
        },
      },
      {
        name: 'lastReviewedAt',
        type: 'date',
        label: 'Last reviewed',
        admin: {
          position: 'sidebar',
          date: { pickerAppearance: 'dayOnly' },
          description: 'When the health content was last checked. Separate from "Updated", which any edit changes.',
          condition: (data) => Boolean(data?.reviewedBy),
        },
      },
      {
        // Advice while writing (headings, links, health claims, readability); never blocks publishing.
        name: 'editorialChecks',
        type: 'ui',
        admin: { position: 'sidebar', components: { Field: '/components/admin/EditorialChecks#EditorialChecks' } },
      },
      searchText([{ field: 'title' }, { field: 'excerpt' }, { field: 'content', richText: true }]),
    ],
    versions: {
      // schedulePublish: "Schedule publish/unpublish" in the publish menu, run by the jobs queue that
      // payload.config.ts autoRuns inside the server process (no outside cron).
      drafts: { autosave: { interval: 1000 }, schedulePublish: true },
      maxPerDoc: 50,
    },
  },
  // Publish, edits of the live article, unpublish and delete purge the site's cache; drafts don't.
  { beforeChange: [setPublishedAt, signWithWritersProfile] },
)
