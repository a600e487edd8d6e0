import type { Media } from '@/payload-types'

type Size = 'thumbnail' | 'card' | 'hero' | 'og'

type Props = {
  image: Pick<Media, 'alt' | 'url' | 'width' | 'height' | 'sizes'>
  size?: Size
  /** The CSS width the image is shown at, for the browser's choice among the sizes. */
  sizes: string
  priority?: boolean
  className?: string
}

type Variant = { url?: string | null; width?: number | null; height?: number | null }

/** The AVIF twin collections/Media.ts makes of each size shown large. */
const AVIF_TWIN = { card: 'cardAvif', hero: 'heroAvif' } as const

const usable = (variant: Variant | null | undefined): variant is Variant & { url: string; width: number } =>
  Boolean(variant?.url && variant.width)

/**
 * One of Payload's generated sizes, with intrinsic width/height so nothing shifts on load. Every
 * candidate the browser may pick has the chosen size's crop: a card (cropped 16:10) never falls
 * back to the uncropped hero, nor the reverse; a hero offers the original upload only when it has
 * no hero size (Payload makes one for any image, never wider than the upload). Card and hero come as a
 * <picture> with their AVIF twin first; the WebP <img> serves browsers without AVIF and images
 * uploaded before the twins existed.
 */
export function MediaImage({ image, size, sizes, priority = false, className }: Props) {
  const sized = size ? image.sizes?.[size] : undefined
  const chosen: Variant = usable(sized) ? sized : image
  if (!chosen.url) return null
  const originalToo = size === 'hero' && !usable(sized) && usable(image)
  const webp = [usable(sized) ? sized : null, originalToo ? image : null].filter(usable)
  const twin = size === 'card' || size === 'hero' ? image.sizes?.[AVIF_TWIN[size]] : undefined
  const avif = usable(sized) && usable(twin) ? twin : null
  const img = (
    <img
      className={className}
      src={chosen.url}
      srcSet={webp.length ? webp.map((variant) => `${variant.url} ${variant.width}w`).join(', ') : undefined}
      sizes={webp.length ? sizes : undefined}
      alt={image.alt}
      width={chosen.width ?? undefined}
      height={chosen.height ?? undefined}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
    />
  )
  if (!avif) return img
  return (
    <picture>
      <source type="image/avif" srcSet={`${avif.url} ${avif.width}w`} sizes={sizes} />
      {img}
    </picture>
  )
}
