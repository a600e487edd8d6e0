import type { Payload } from 'payload'
import { BrandMark } from './BrandMark'
import { practiceBrand } from './practiceBrand'

/** The navigation's icon (admin.components.graphics.Icon): her logo or the mark, named for screen readers. */
export async function Icon({ payload }: { payload?: Payload }) {
  const brand = await practiceBrand(payload)
  return (
    <span role="img" aria-label={brand.name} style={{ display: 'inline-flex' }}>
      {brand.logoUrl ? <img src={brand.logoUrl} alt="" width={28} height={28} style={{ borderRadius: 6, objectFit: 'cover' }} /> : <BrandMark size={28} />}
    </span>
  )
}
