import { slugField, type TextField } from 'payload'

import { slugify, validateSlug } from '../../lib/slug'

/**
 * Payload's slug field (generated from `useAsSlug` while a draft is young, then left alone so a
 * live URL never changes by accident) with Wellpress's lowercase-kebab rule and validation.
 */
export function slug(useAsSlug = 'title') {
  return slugField({
    useAsSlug,
    slugify: ({ valueToSlugify }) => slugify(valueToSlugify) || undefined,
    overrides: (row) => {
      row.fields = row.fields.map((field) =>
        'name' in field && field.name === 'slug'
          ? ({
              ...field,
              validate: (value: unknown) => validateSlug(value),
              admin: {
                ...field.admin,
                description: 'The address of the page: lowercase words joined by hyphens.',
              },
            } as TextField)
          : field,
      )
      return row
    },
  })
}
