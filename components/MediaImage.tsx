import type { Media } from '../payload-types'

type Size = 'thumbnail' | 'card' | 'hero' | 'og'

type Props = {
  image: Pick<Media, 'alt' | 'url' | 'width' | 'height' | 'sizes'>
  size?: Size
  /** The CSS width the image is shown at, for the browser's choice among the sizes. */
  sizes: string
  priority?: boolean
  className?: string
}

/** Payload's generated sizes as a srcset, with intrinsic width/height so nothing shifts on load. */
export function MediaImage({ image, size, sizes, priority = false, className }: Props) {
  const chosen = (size && image.sizes?.[size]?.url ? image.sizes[size] : image) as {
    url?: string | null
    width?: number | null
    height?: number | null
  }
  if (!chosen.url) return null
  const candidates = [image.sizes?.card, image.sizes?.hero, image]
    .filter((c): c is { url: string; width: number } => Boolean(c?.url && c.width))
    .map((c) => `${c.url} ${c.width}w`)
  return (
    <img
      className={className}
      src={chosen.url}
      srcSet={size === 'thumbnail' ? undefined : candidates.join(', ') || undefined}
      sizes={sizes}
      alt={image.alt}
      width={chosen.width ?? undefined}
      height={chosen.height ?? undefined}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
      decoding="async"
    />
  )
}
