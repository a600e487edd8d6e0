import { z } from 'zod'

import { accentPalette, contrastRatio, DEFAULT_ACCENT, MIN_TEXT_CONTRAST, PAGE_BACKGROUND, validateAccentColor } from '../../lib/practice/contrast'
import { formatDuration, formatPrice, mapUrl, telHref } from '../../lib/practice/format'
import { validateTime, weekTable } from '../../lib/practice/hours'
import { validateWebAddress } from '../../lib/practice/links'
import { toPracticeData } from '../../lib/queries/practice'
import { businessNode, offerCatalog, openingHoursSpecification, postalAddress, serviceNode } from '../../lib/seo/business'
import { contactPageGraph } from '../../lib/seo/contactPage'
import { servicePageGraph, servicesIndexGraph } from '../../lib/seo/servicePages'
import { breadcrumbTrails } from '../../lib/seo/breadcrumbs'
import { editorState, paragraph } from '../../lib/richtext/lexical'
import { site } from '@/lib/config/site'
import { practice } from '../seo-fixtures'
import { businessShape, graphProblems, nodeOfType, offerCatalogShape, openingHoursShape, serviceShape } from '../seo-shapes'

const services = [
  { title: 'Relaxation massage', slug: 'relaxation-massage', summary: 'A calm full-body massage.', durationMinutes: 60, price: 80, currency: 'USD' },
  { title: 'Hot stones', slug: 'hot-stones', summary: 'Warm stones and slow work.', durationMinutes: 90, price: 120.5, currency: 'EUR' },
]

describe('accent colour contrast', () => {
  it('measures WCAG contrast: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#2f6b5b', '#2f6b5b')).toBeCloseTo(1, 5)
    expect(contrastRatio('#fff', '#ffffff')).toBeCloseTo(1, 5)
  })

  it('accepts the default and dark colours, at least 4.5:1 on the page background', () => {
    for (const colour of [DEFAULT_ACCENT, '#000', '#7a2e5c', '#1f4f42']) {
      expect(validateAccentColor(colour)).toBe(true)
      expect(contrastRatio(colour, PAGE_BACKGROUND)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
    }
    expect(validateAccentColor('')).toBe(true)
    expect(validateAccentColor(null)).toBe(true)
  })

  it('refuses a colour just under 4.5:1 with a message that gives its ratio and what is needed', () => {
    // #767676 is the classic boundary grey: 4.54:1 on white, under 4.5:1 on the warmer page background.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5)
    expect(validateAccentColor('#767676')).toMatch(/contrast is 4\.\d\d:1 and text needs at least 4\.5:1/)
    expect(validateAccentColor('#ffd700')).toMatch(/too light to read/)
  })

  it('refuses what is not a hex colour', () => {
    for (const bad of ['green', '#12345', 'rgb(0,0,0)', '#ggg']) expect(validateAccentColor(bad)).toMatch(/hex code/)
  })

  it('derives a darker hover shade and falls back to the default for anything refused', () => {
    expect(accentPalette('#7A2E5C')).toEqual({ accent: '#7a2e5c', strong: '#582142' })
    expect(accentPalette('#fff').accent).toBe(DEFAULT_ACCENT)
    expect(accentPalette(undefined).accent).toBe(DEFAULT_ACCENT)
    const { accent, strong } = accentPalette('#abc'.replace('abc', '234'))
    expect(accent).toBe('#223344')
    expect(contrastRatio(strong, PAGE_BACKGROUND)).toBeGreaterThan(contrastRatio(accent, PAGE_BACKGROUND))
  })
})

describe('opening hours', () => {
  const rows = [
    { days: ['monday', 'tuesday', 'wednesday'] as const, opens: '09:00', closes: '13:00' },
    { days: ['monday', 'wednesday'] as const, opens: '14:00', closes: '18:30' },
    { days: ['saturday'] as const, opens: '10:00', closes: '14:00' },
    // Half-filled rows she is still typing are left out rather than shown wrong.
    { days: [] as const, opens: '10:00', closes: '11:00' },
    { days: ['sunday'] as const, opens: '10', closes: '11:00' },
  ].map((row) => ({ ...row, days: [...row.days] }))

  it('lays out a week Monday first, several periods a day in time order, closed days empty', () => {
    expect(weekTable(rows).map((day) => [day.label, day.periods.map((p) => `${p.opens}-${p.closes}`)])).toEqual([
      ['Monday', ['09:00-13:00', '14:00-18:30']],
      ['Tuesday', ['09:00-13:00']],
      ['Wednesday', ['09:00-13:00', '14:00-18:30']],
      ['Thursday', []],
      ['Friday', []],
      ['Saturday', ['10:00-14:00']],
      ['Sunday', []],
    ])
    expect(weekTable(null).every((day) => day.periods.length === 0)).toBe(true)
  })

  it('becomes one OpeningHoursSpecification per group of days; closed days appear in none', () => {
    const specs = openingHoursSpecification(rows)
    expect(z.array(openingHoursShape).parse(specs)).toHaveLength(3)
    expect(specs[0]).toEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: ['https://schema.org/Monday', 'https://schema.org/Tuesday', 'https://schema.org/Wednesday'],
      opens: '09:00',
      closes: '13:00',
    })
    const days = specs.flatMap((spec) => spec.dayOfWeek as string[])
    for (const closed of ['Thursday', 'Friday', 'Sunday']) expect(days).not.toContain(`https://schema.org/${closed}`)
  })

  it('takes times as 24-hour HH:MM only', () => {
    for (const good of ['00:00', '09:30', '23:59']) expect(validateTime(good)).toBe(true)
    for (const bad of ['9:30', '24:00', '12:60', '9am', '', null]) expect(validateTime(bad)).toMatch(/HH:MM/)
  })
})

describe('the practice as a LocalBusiness node', () => {
  it('carries everything search engines show for a local business, valid against the shape', () => {
    const node = businessNode(practice, services)
    expect(businessShape.parse(node)).toBeTruthy()
    expect(node).toMatchObject({
      '@type': 'HealthAndBeautyBusiness',
      '@id': `${site.url}/#organization`,
      name: 'Janet Doe Massage',
      url: site.url,
      telephone: '+1 555-0100',
      email: 'hello@janet-massage.example',
      address: { '@type': 'PostalAddress', streetAddress: '12 Elm Street', addressLocality: 'Springfield', addressCountry: 'US' },
      geo: { '@type': 'GeoCoordinates', latitude: 44.05, longitude: -123.02 },
      priceRange: '$$',
      sameAs: ['https://instagram.com/janet.massage'],
    })
  })

  it('is of the type she chose, and leaves out what she has not filled in', () => {
    const node = businessNode({ name: 'Quiet Hands', tagline: null, description: null, businessType: 'DaySpa', telephone: '', email: null, address: {}, geo: {}, priceRange: null })
    expect(businessShape.parse(node)).toMatchObject({ '@type': 'DaySpa', name: 'Quiet Hands' })
    for (const key of ['telephone', 'email', 'address', 'geo', 'openingHoursSpecification', 'priceRange', 'sameAs', 'hasOfferCatalog']) {
      expect(node).not.toHaveProperty(key)
    }
    expect(postalAddress({ addressCountry: ' ' })).toBeNull()
  })

  it('offers every service with its price and currency in an offer catalog', () => {
    const catalog = offerCatalog(services)
    expect(offerCatalogShape.parse(catalog)).toBeTruthy()
    expect(catalog.itemListElement).toEqual([
      expect.objectContaining({ price: '80', priceCurrency: 'USD', itemOffered: expect.objectContaining({ name: 'Relaxation massage' }) }),
      expect.objectContaining({ price: '120.50', priceCurrency: 'EUR', url: `${site.url}/services/hot-stones` }),
    ])
  })

  it('a Service is provided by the practice and offered at its price', () => {
    const node = serviceNode(services[1])
    expect(serviceShape.parse(node)).toMatchObject({
      name: 'Hot stones',
      provider: { '@id': `${site.url}/#organization` },
      offers: { '@type': 'Offer', price: '120.50', priceCurrency: 'EUR' },
    })
  })

  it('the services, service and contact pages are complete graphs whose references resolve', () => {
    const service = { ...services[0], description: editorState([paragraph('Long, flowing strokes.')]) }
    for (const graph of [
      servicesIndexGraph(practice, services, breadcrumbTrails.services()),
      servicePageGraph(practice, service, breadcrumbTrails.service(service)),
      contactPageGraph(practice, services, breadcrumbTrails.contact()),
    ]) {
      expect(graphProblems(graph)).toEqual([])
    }
    const contact = contactPageGraph(practice, services, breadcrumbTrails.contact())
    expect(nodeOfType(contact, 'ContactPage')[0]).toMatchObject({ about: { '@id': `${site.url}/#organization` } })
  })
})

describe('reading the practice settings', () => {
  it('settings never saved read as the placeholders; saved ones are taken as they are', () => {
    expect(toPracticeData({}).name).toBe('Your Practice Name')
    const saved = toPracticeData({ name: 'Quiet Hands', tagline: null, navigation: [{ label: 'Blog', link: { type: 'url', url: '/blog' } }] })
    expect(saved).toMatchObject({ name: 'Quiet Hands', tagline: null, navigation: [{ label: 'Blog', href: '/blog' }] })
  })

  it('resolves menu entries that point at a page to its address, and drops ones that lead nowhere', () => {
    const data = toPracticeData({
      name: 'Quiet Hands',
      navigation: [
        { label: 'Stress', link: { type: 'document', document: { relationTo: 'benefits', value: { slug: 'reduces-stress' } as never } } },
        { label: 'Draft', link: { type: 'document', document: { relationTo: 'articles', value: 'an-unpublished-id' } } },
        { label: 'Empty', link: { type: 'url', url: '  ' } },
      ],
    })
    expect(data.navigation).toEqual([{ label: 'Stress', href: '/benefits/reduces-stress' }])
  })

  it('accepts booking addresses on the web or on the site, nothing else', () => {
    expect(validateWebAddress('https://book.example/janet')).toBe(true)
    expect(validateWebAddress('/contact', { allowSitePath: true })).toBe(true)
    expect(validateWebAddress('/contact')).toMatch(/https:\/\//)
    for (const bad of ['javascript:alert(1)', '//evil.example', 'book.example']) expect(validateWebAddress(bad, { allowSitePath: true })).toMatch(/https:\/\//)
  })

  it('formats prices, lengths, phone links and map links for visitors', () => {
    expect(formatPrice(80, 'USD')).toBe('$80')
    expect(formatPrice(120.5, 'EUR')).toBe('€120.50')
    expect(formatDuration(45)).toBe('45 min')
    expect(formatDuration(90)).toBe('1 h 30 min')
    expect(formatDuration(120)).toBe('2 h')
    expect(telHref('+1 (555) 010-0100')).toBe('tel:+15550100100')
    expect(mapUrl('12 Elm Street, Springfield')).toBe('https://www.openstreetmap.org/search?query=12%20Elm%20Street%2C%20Springfield')
  })
})
