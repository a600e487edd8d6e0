import type { Field } from 'payload'

/**
 * Where the WordPress importer (lib/wordpress/importer.ts) keeps what it needs to recognise a
 * document on its next run, so running it again never duplicates anything.
 */

/**
 * On articles: the post they came from (id and guid), the WordPress status last applied, a hash
 * of what the import last wrote (so a second run tells "unchanged", "changed in WordPress" and
 * "edited here since" apart) and when. Shown, read-only, only on imported articles.
 */
export const wordpressPostField: Field = {
  name: 'wordpress',
  type: 'group',
  label: 'Imported from WordPress',
  admin: {
    position: 'sidebar',
    readOnly: true,
    condition: (data) => Boolean((data as { wordpress?: { postId?: unknown } } | undefined)?.wordpress?.postId),
    description: 'Running the import again updates this article only while it is unchanged here; your edits are never overwritten.',
  },
  fields: [
    { name: 'postId', type: 'number', label: 'Post ID', index: true },
    { name: 'guid', type: 'text', label: 'GUID', index: true },
    { name: 'status', type: 'text', label: 'Status in WordPress' },
    { name: 'importedAt', type: 'date', label: 'Last imported', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'sourceHash', type: 'text', admin: { hidden: true } },
  ],
}

/**
 * On media, authors and topics: what they were in WordPress (`2019/03/photo.jpg`,
 * `author:janet`, `category:sleep`). Never shown: the importer only links to them again.
 */
export const wordpressKeyField: Field = {
  name: 'wordpressKey',
  type: 'text',
  index: true,
  admin: { hidden: true, disableListColumn: true, disableListFilter: true },
}
