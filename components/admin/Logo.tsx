import type { Payload } from 'payload'
import { BrandMark } from './BrandMark'
import { practiceBrand } from './practiceBrand'

/** The login screen's logo (admin.components.graphics.Logo): her logo (or the mark) and her practice's name. */
export async function Logo({ payload }: { payload?: Payload }) {
  const brand = await practiceBrand(payload)
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.75rem' }}>
      {brand.logoUrl ? <img src={brand.logoUrl} alt="" width={48} height={48} style={{ borderRadius: 8, objectFit: 'cover' }} /> : <BrandMark size={48} />}
      <span style={{ fontSize: '1.75rem', fontWeight: 600, color: 'var(--theme-text)' }}>{brand.name}</span>
    </span>
  )
}
