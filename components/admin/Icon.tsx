import { site } from '@/lib/config/site'
import { BrandMark } from './BrandMark'

/** The navigation's icon (admin.components.graphics.Icon): the mark, named for screen readers. */
export function Icon() {
  return (
    <span role="img" aria-label={site.name} style={{ display: 'inline-flex' }}>
      <BrandMark size={28} />
    </span>
  )
}
