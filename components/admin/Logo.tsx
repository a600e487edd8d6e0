import { site } from '@/lib/config/site'
import { BrandMark } from './BrandMark'

/** The login screen's logo (admin.components.graphics.Logo): the mark and the site's name. */
export function Logo() {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.75rem' }}>
      <BrandMark size={48} />
      <span style={{ fontSize: '1.75rem', fontWeight: 600, color: 'var(--theme-text)' }}>{site.name}</span>
    </span>
  )
}
