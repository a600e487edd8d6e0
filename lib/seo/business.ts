import type { GeoCoordinates, ImageObject, Offer, OfferCatalog, OpeningHoursSpecification, PostalAddress, Service, Thing } from 'schema-dts'

import type { Media, Practice, Service as ServiceDoc } from '../../payload-types'
import { schemaDay, usableHours, type HoursRow } from '../practice/hours'
import { routes } from '../paths/routes'
import { site as siteConfig } from '../config/site'
import { jsonLdIds, ref } from './ids'
import { absoluteMediaUrl, canonicalUrl, pageDescription, type ShareImage, type SiteIdentity, siteShareImage } from './metadata'

type ImageDoc = Pick<Media, 'url' | 'width' | 'height' | 'alt'> & { sizes?: Media['sizes'] }

/** What the practice's JSON-LD node is made from: the practice settings as lib/queries/practice.ts reads them. */
export type BusinessInput = SiteIdentity &
  Pick<Practice, 'businessType' | 'telephone' | 'email' | 'address' | 'geo' | 'priceRange'> & {
    openingHours?: HoursRow[] | null
    sameAs?: string[]
    logo?: ImageDoc | null
    heroImage?: ImageDoc | null
  }

/** A service as lists and offers show it. */
export type ServiceOfferInput = Pick<ServiceDoc, 'title' | 'slug' | 'summary' | 'price' | 'currency' | 'durationMinutes'>

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== ''

const imageObject = (url: string, width?: number | null, height?: number | null): ImageObject => ({
  '@type': 'ImageObject',
  url,
  ...(width ? { width: `${width}` } : {}),
  ...(height ? { height: `${height}` } : {}),
})

function uploadedImage(image: ImageDoc | null | undefined): ImageObject | null {
  return image?.url ? imageObject(absoluteMediaUrl(image.url), image.width, image.height) : null
}

const shareImageObject = (image: ShareImage) => imageObject(image.url, image.width, image.height)

export function postalAddress(address: BusinessInput['address']): PostalAddress | null {
  const fields = {
    streetAddress: address?.streetAddress,
    addressLocality: address?.addressLocality,
    addressRegion: address?.addressRegion,
    postalCode: address?.postalCode,
    addressCountry: address?.addressCountry,
  }
  const filled = Object.entries(fields).filter((entry): entry is [string, string] => present(entry[1]))
  return filled.length > 0 ? { '@type': 'PostalAddress', ...Object.fromEntries(filled) } : null
}

export function geoCoordinates(geo: BusinessInput['geo']): GeoCoordinates | null {
  return typeof geo?.latitude === 'number' && typeof geo?.longitude === 'number'
    ? { '@type': 'GeoCoordinates', latitude: geo.latitude, longitude: geo.longitude }
    : null
}

/** One specification per row of days sharing hours; days in no row are closed, and so left out. */
export function openingHoursSpecification(rows: HoursRow[] | null | undefined): OpeningHoursSpecification[] {
  return usableHours(rows).map((row) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: row.days.map(schemaDay) as OpeningHoursSpecification['dayOfWeek'],
    opens: row.opens,
    closes: row.closes,
  }))
}

/** Prices are written with two decimals at most, as schema.org's `price` expects (no currency sign). */
export const offerPrice = (price: number) => (Number.isInteger(price) ? String(price) : price.toFixed(2))

export function serviceOffer(service: ServiceOfferInput): Offer {
  return {
    '@type': 'Offer',
    price: offerPrice(service.price),
    priceCurrency: service.currency,
    url: canonicalUrl(routes.service(service.slug)),
  }
}

/** The service itself, provided by the practice, with its price as an Offer. */
export function serviceNode(service: ServiceOfferInput & { description?: string }): Service {
  return {
    '@type': 'Service',
    '@id': jsonLdIds.service(service.slug),
    name: service.title,
    description: service.description ?? service.summary,
    url: canonicalUrl(routes.service(service.slug)),
    provider: ref(jsonLdIds.organization),
    offers: serviceOffer(service),
  }
}

export function offerCatalog(services: ServiceOfferInput[]): OfferCatalog {
  return {
    '@type': 'OfferCatalog',
    '@id': jsonLdIds.offerCatalog,
    name: 'Services',
    url: canonicalUrl(routes.services()),
    itemListElement: services.map((service) => ({
      ...serviceOffer(service),
      itemOffered: { '@type': 'Service', '@id': jsonLdIds.service(service.slug), name: service.title },
    })),
  }
}

/**
 * The practice as one node of her chosen type (HealthAndBeautyBusiness unless she says otherwise)
 * with a stable id: what search engines list as a local business with its address, hours and
 * prices. Articles' publisher and authors' employer point to it by id. `services` adds the offer
 * catalog where the page knows them.
 */
export function businessNode(practice: BusinessInput, services?: ServiceOfferInput[]): Thing {
  const share = siteShareImage(practice)
  const logo = uploadedImage(practice.logo) ?? shareImageObject(share)
  const image = uploadedImage(practice.heroImage) ?? logo
  const address = postalAddress(practice.address)
  const geo = geoCoordinates(practice.geo)
  const hours = openingHoursSpecification(practice.openingHours)
  const sameAs = (practice.sameAs ?? []).filter(present)
  return {
    '@type': practice.businessType ?? 'HealthAndBeautyBusiness',
    '@id': jsonLdIds.organization,
    name: practice.name,
    url: siteConfig.url,
    ...(present(practice.description) || present(practice.tagline) ? { description: pageDescription(practice, practice.description) } : {}),
    logo,
    image,
    ...(present(practice.telephone) ? { telephone: practice.telephone.trim() } : {}),
    ...(present(practice.email) ? { email: practice.email.trim() } : {}),
    ...(address ? { address } : {}),
    ...(geo ? { geo } : {}),
    ...(hours.length > 0 ? { openingHoursSpecification: hours } : {}),
    ...(present(practice.priceRange) ? { priceRange: practice.priceRange.trim() } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
    ...(services && services.length > 0 ? { hasOfferCatalog: offerCatalog(services) } : {}),
  } as Thing
}
