import { type CheckboxField, type FieldHook, slugField, type TextField } from 'payload'

import { slugify, validateSlug } from '../../lib/paths/slug'

/**
 * Payload's slug field (a text field, plus a hidden `generateSlug` checkbox that remembers whether
 * the slug still follows the title) with Wellpress's lowercase-kebab rule, validation, and its own
 * rule for when the slug follows the title.
 *
 * Payload 3.90's rule stops following the title once the document has more than two versions.
 * With autosave that can happen while the title is still half-typed, and the article is stuck
 * with the slug "m" or "massage-th". Ours follows the title on every save and autosave until one
 * of two things happens, and then never again on its own:
 * - the article is published (its address is now live; changing it is the writer's decision,
 *   and collections/hooks/redirectOldSlug.ts then redirects the old one);
 * - the writer types a slug of her own (admin: "Unlock" on the slug field).
 * Collections without drafts are live from their first save: their slug is generated once, when
 * it is created (or whenever it is emptied).
 */
export function slug(useAsSlug = 'title') {
  return slugField({
    useAsSlug,
    slugify: ({ valueToSlugify }) => slugify(valueToSlugify) || undefined,
    overrides: (row) => {
      row.fields = row.fields.map((field) => {
        if (!('name' in field)) return field
        if (field.name === 'slug') {
          return {
            ...field,
            // Only saves that are validated (publishing, collections without drafts) get here:
            // the title left no letters or numbers to make an address from.
            validate: (value: unknown) => (value === null || value === undefined || value === '' ? noSlug(useAsSlug) : validateSlug(value)),
            // Stated only so Payload's GraphQL create input does not demand a slug (it makes
            // fields with read access nullable there): the hook below makes one from the title.
            access: { read: () => true },
            admin: {
              ...field.admin,
              description:
                'The address of the page: lowercase words joined by hyphens. Made from the title until the page is live; choose "Unlock" to write your own.',
            },
          } as TextField
        }
        if (field.name === 'generateSlug') {
          const checkbox = field as CheckboxField
          return { ...checkbox, hooks: { ...checkbox.hooks, beforeChange: [followTitleUntilPublished(useAsSlug)] } }
        }
        return field
      })
      // While she types: the slug of the whole title, shown live (Payload's own field makes it
      // only on save), following the same rule and the same slugify as the hook below.
      row.fields.push({
        name: 'slugFollowsTitle',
        type: 'ui',
        admin: { components: { Field: { path: '/components/admin/SlugFollowsTitle#SlugFollowsTitle', clientProps: { useAsSlug } } } },
      })
      return row
    },
  })
}

const noSlug = (useAsSlug: string) =>
  `The address is made from the ${useAsSlug}: give it a ${useAsSlug} with letters or numbers, or choose "Unlock" and write one.`

type Data = Record<string, unknown>

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/**
 * `beforeChange` hook of the hidden `generateSlug` checkbox (it runs before the slug field, its
 * neighbour in the row, so the slug it writes is the one validated and saved). Returns whether
 * the slug should keep following the title after this save.
 */
function followTitleUntilPublished(useAsSlug: string): FieldHook {
  return ({ collection, data, operation, originalDoc }) => {
    if (!data) return false
    const hasDrafts = Boolean(collection?.versions?.drafts)
    const original = (originalDoc ?? {}) as Data
    const title = text(data[useAsSlug] ?? original[useAsSlug])
    const fromTitle = slugify(title)
    const sent = data.slug
    // What the writer sent is hers when it is not what the title gives and not what was stored
    // (the admin form sends the stored slug back on every save).
    const typedByHand = (value: unknown) => text(value) !== '' && slugify(value) !== fromTitle && value !== original.slug
    const publishing = data._status === 'published'

    if (operation === 'create') {
      if (typedByHand(sent)) {
        data.slug = slugify(sent)
        return false
      }
      data.slug = fromTitle || null
      return hasDrafts && !publishing
    }

    const stillFollowing = original.generateSlug !== false && (!hasDrafts || original._status !== 'published')
    if (!hasDrafts || !stillFollowing) {
      // Live documents keep their slug; an emptied one is generated again rather than left blank.
      if (sent !== undefined && text(sent).trim() === '') data.slug = fromTitle || null
      return false
    }
    if (typedByHand(sent)) return false
    data.slug = fromTitle || null
    return !publishing
  }
}
