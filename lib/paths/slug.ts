/** Slug rules shared by the collections, the seed and route-param validation. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SLUG_MAX_LENGTH = 96

/** "Increases Circulation!" → "increases-circulation"; accents folded, `&` read as "and". */
export function slugify(input: unknown): string {
  if (typeof input !== 'string') return ''
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '')
}

export function isValidSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value)
}

/** Payload field validator: `true` or a message the therapist can act on. */
export function validateSlug(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true // `required` reports emptiness
  if (typeof value !== 'string') return 'The slug must be text.'
  if (value.length > SLUG_MAX_LENGTH) return `Keep the slug under ${SLUG_MAX_LENGTH} characters.`
  if (!SLUG_PATTERN.test(value)) {
    return `Use lowercase letters, numbers and single hyphens only, for example "${slugify(value) || 'my-article'}".`
  }
  return true
}
