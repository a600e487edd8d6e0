import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { parse } from 'node-html-parser'

import { MediaImage } from '@/components/MediaImage'

/** An upload as Payload stores it: WebP original and sizes, AVIF twins of card and hero. */
const upload = {
  alt: 'Warm stones lined up on a massage table',
  url: '/api/media/file/stones.webp',
  width: 2400,
  height: 1600,
  sizes: {
    thumbnail: { url: '/api/media/file/stones-300x300.webp', width: 300, height: 300 },
    card: { url: '/api/media/file/stones-640x400.webp', width: 640, height: 400 },
    hero: { url: '/api/media/file/stones-1600x1067.webp', width: 1600, height: 1067 },
    cardAvif: { url: '/api/media/file/stones-640x400.avif', width: 640, height: 400 },
    heroAvif: { url: '/api/media/file/stones-1600x1067.avif', width: 1600, height: 1067 },
  },
}

type Image = Parameters<typeof MediaImage>[0]['image']
/** The named attributes of an element (HTML attribute names are case-insensitive; React writes `srcSet`). */
const attributes = (element: ReturnType<typeof parse> | null, names: string[]) =>
  Object.fromEntries(names.map((name) => [name, element?.getAttribute(name)]))

const render = (image: unknown, size: 'thumbnail' | 'card' | 'hero', sizes = '100vw') =>
  parse(renderToStaticMarkup(createElement(MediaImage, { image: image as Image, size, sizes })))

describe('MediaImage', () => {
  it('offers a card as AVIF first, then WebP, both with the card’s crop and size', () => {
    const root = render(upload, 'card', '(min-width: 48rem) 22rem, 100vw')
    const source = root.querySelector('picture > source')
    expect(attributes(source, ['type', 'srcset', 'sizes'])).toEqual({
      type: 'image/avif',
      srcset: '/api/media/file/stones-640x400.avif 640w',
      sizes: '(min-width: 48rem) 22rem, 100vw',
    })
    const img = root.querySelector('picture > img')
    expect(attributes(img, ['src', 'srcset', 'width', 'height', 'alt', 'loading'])).toEqual({
      src: upload.sizes.card.url,
      srcset: `${upload.sizes.card.url} 640w`,
      width: '640',
      height: '400',
      alt: upload.alt,
      loading: 'lazy',
    })
  })

  it('offers a hero as AVIF then WebP at 1,600 px, never the cropped card', () => {
    const root = render(upload, 'hero')
    expect(root.querySelector('source')?.getAttribute('srcset')).toBe('/api/media/file/stones-1600x1067.avif 1600w')
    expect(root.querySelector('img')?.getAttribute('srcset')).toBe(`${upload.sizes.hero.url} 1600w`)
    expect(root.toString()).not.toContain('640x400')
  })

  it('falls back to the original upload when an image has no hero size, with no AVIF', () => {
    const narrow = { ...upload, url: '/api/media/file/small.webp', width: 900, height: 600, sizes: { ...upload.sizes, hero: undefined, heroAvif: undefined } }
    const root = render(narrow, 'hero')
    expect(root.querySelector('picture')).toBeNull()
    expect(attributes(root.querySelector('img'), ['src', 'srcset', 'width', 'height'])).toEqual({
      src: '/api/media/file/small.webp',
      srcset: '/api/media/file/small.webp 900w',
      width: '900',
      height: '600',
    })
  })

  it('shows an image uploaded before the AVIF twins as WebP alone', () => {
    const older = { ...upload, sizes: { ...upload.sizes, cardAvif: { url: null, width: null, height: null } } }
    const root = render(older, 'card')
    expect(root.querySelector('picture')).toBeNull()
    expect(root.querySelector('img')?.getAttribute('src')).toBe(upload.sizes.card.url)
  })

  it('keeps a thumbnail a plain WebP image', () => {
    const root = render(upload, 'thumbnail', '96px')
    expect(root.querySelector('picture')).toBeNull()
    expect(attributes(root.querySelector('img'), ['src', 'width', 'height'])).toEqual({ src: upload.sizes.thumbnail.url, width: '300', height: '300' })
  })
})
