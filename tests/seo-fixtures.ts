import type { Media } from '@/payload-types'
import { editorState, heading, paragraph } from '@/lib/richtext/lexical'
import type { ArticleJsonLdInput } from '@/lib/seo/jsonld'
import type { ArticleMetadataInput } from '@/lib/seo/metadata'

/** Plain documents shaped like the page queries' results (payload-types), for the SEO builders. */

export const image = (name: string, withShareSize = true): Pick<Media, 'alt' | 'sizes' | 'url'> => ({
  alt: `Photo: ${name}`,
  url: `/api/media/file/${name}.webp`,
  sizes: {
    card: { url: `/api/media/file/${name}-640x400.webp`, width: 640, height: 400 },
    ...(withShareSize ? { og: { url: `/api/media/file/${name}-1200x630.webp`, width: 1200, height: 630 } } : {}),
  },
})

export const janet = {
  name: 'Janet',
  slug: 'janet',
  credentials: 'LMT, CMT',
  jobTitle: 'Licensed Massage Therapist',
  website: 'https://janet-massage.example',
  socialLinks: [{ platform: 'instagram' as const, url: 'https://instagram.com/janet.massage' }],
  bio: editorState([paragraph('Janet has helped clients feel at home in their bodies for fifteen years, in a quiet studio.')]),
  photo: image('janet'),
  meta: {},
}

export const reviewer = { name: 'Dr. Sam Lee', slug: 'sam-lee', credentials: 'MD', jobTitle: 'Physician' }

export const benefits = [
  { title: 'Increases circulation', slug: 'increases-circulation' },
  { title: 'Reduces stress', slug: 'reduces-stress' },
  { title: 'Stimulates lymphatic flow', slug: 'stimulates-lymphatic-flow' },
]

export const article: ArticleMetadataInput & ArticleJsonLdInput = {
  title: 'Massage Therapy Benefits on Immune Function',
  slug: 'massage-therapy-benefits-on-immune-function',
  excerpt:
    'Massage therapy has been shown to have a positive impact on the immune system: here are five ways it can help your body defend itself.',
  content: editorState([paragraph('One two three four five.'), heading('Six seven'), paragraph('eight nine ten')]),
  heroImage: image('hero'),
  publishedAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-25T16:30:00.000Z',
  author: janet,
  topics: [{ name: 'Immune health' }, { name: 'Stress' }],
  benefits,
  references: [
    { title: 'Massage and immune function', url: 'https://pubmed.example/123', publisher: 'J. Altern. Med.', year: 2010 },
    { title: 'A book without a link', publisher: null, year: null, url: null },
  ],
  reviewedBy: null,
  lastReviewedAt: null,
  meta: {},
}

/** Her practice settings as lib/queries/practice.ts reads them: what every title, feed and graph names. */
export const practice = {
  name: 'Janet Doe Massage',
  tagline: 'Massage therapy for a healthier body and a calmer mind',
  description:
    'Articles on massage therapy and well-being from a licensed massage therapist: how massage supports circulation, stress relief and immune function.',
  businessType: 'HealthAndBeautyBusiness' as const,
  telephone: '+1 555-0100',
  email: 'hello@janet-massage.example',
  address: { streetAddress: '12 Elm Street', addressLocality: 'Springfield', addressRegion: 'OR', postalCode: '97477', addressCountry: 'US' },
  geo: { latitude: 44.05, longitude: -123.02 },
  openingHours: [
    { days: ['monday' as const, 'tuesday' as const, 'wednesday' as const, 'thursday' as const, 'friday' as const], opens: '09:00', closes: '17:00' },
    { days: ['saturday' as const], opens: '10:00', closes: '14:00' },
  ],
  priceRange: '$$',
  sameAs: ['https://instagram.com/janet.massage'],
  logo: null,
  heroImage: null,
}
