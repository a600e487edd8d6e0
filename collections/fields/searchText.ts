import type { TextareaField } from 'payload'

import { toPlainText } from '../../lib/richtext/lexical'

type Source = { field: string; richText?: boolean }

/**
 * A hidden plain-text copy of a document's words, rebuilt on every save. Site search matches it
 * with a simple `like` that works the same on SQLite and MongoDB, instead of digging through
 * Lexical JSON (which would also match node names such as "paragraph").
 */
export function searchText(sources: Source[]): TextareaField {
  return {
    name: 'searchText',
    type: 'textarea',
    admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    hooks: {
      beforeChange: [
        ({ siblingData, originalDoc }) =>
          sources
            .map(({ field, richText }) => {
              // A partial update (say, only a new slug) still indexes the words already saved.
              const value = field in siblingData ? siblingData[field] : originalDoc?.[field]
              if (richText) return toPlainText(value)
              return typeof value === 'string' ? value : ''
            })
            .filter((text) => text.trim() !== '')
            .join('\n'),
      ],
    },
  }
}
