/** Collection slugs are part of the public REST/GraphQL API: never rename them. */
export const ARTICLES = 'articles'
export const BENEFITS = 'benefits'
export const AUTHORS = 'authors'
export const TOPICS = 'topics'
export const MEDIA = 'media'
export const USERS = 'users'
/** Messages visitors send through the contact form. Never publicly readable. */
export const INQUIRIES = 'inquiries'
/** Added by @payloadcms/plugin-redirects: hand-made redirects and the automatic ones after a slug change. */
export const REDIRECTS = 'redirects'
/** Public services and prices (`/services`), with drafts like articles. */
export const SERVICES = 'services'
/** Global: her practice's name, contact details, hours, look and menu (admin: Settings → Practice). */
export const PRACTICE = 'practice'

/** The article body's benefit-list block (stored inside the rich text): never rename it. */
export const BENEFIT_LIST_BLOCK = 'benefitList'
