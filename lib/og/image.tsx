import type { OgCard } from './content'
import { titleFontSize } from './content'
import { OG_FONT_FAMILY } from './load-fonts'

/** The site's palette (app/(frontend)/styles.css `:root`), so a shared link looks like the site. */
const palette = {
  cream: '#fbfaf7',
  text: '#23262b',
  muted: '#5b616b',
  accent: '#2f6b5b',
  accentStrong: '#1f4f42',
  accentPale: '#e6eee9',
} as const

type Props = { card: OgCard; siteName: string; siteHost: string }

/**
 * The share image's layout, rendered by Satori (next/og): flexbox only, inline styles only, and
 * every element with more than one child needs `display: flex`.
 */
export function OgCardImage({ card, siteName, siteHost }: Props) {
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: palette.cream }}>
      {/* Soft circles: a quiet, organic accent that never competes with the title. */}
      <div style={{ position: 'absolute', top: -140, right: -120, width: 460, height: 460, borderRadius: 230, background: palette.accentPale }} />
      <div style={{ position: 'absolute', top: 170, right: 110, width: 120, height: 120, borderRadius: 60, background: '#d5e3da' }} />

      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: '40px 300px 32px 80px' }}>
        <div style={{ display: 'flex', fontFamily: OG_FONT_FAMILY.text, fontSize: 26, letterSpacing: 4, textTransform: 'uppercase', color: palette.accent }}>
          {card.label}
        </div>
        <div style={{ width: 88, height: 6, borderRadius: 3, background: palette.accent, margin: '22px 0 28px' }} />
        {/* lineClamp backs up the character limits in content.ts for unusually wide letters. */}
        <div style={{ display: 'block', lineClamp: 4, fontFamily: OG_FONT_FAMILY.title, fontWeight: 700, fontSize: titleFontSize(card.title), lineHeight: 1.12, color: palette.text }}>
          {card.title}
        </div>
        {card.subtitle ? (
          <div style={{ display: 'block', lineClamp: 2, marginTop: 26, fontFamily: OG_FONT_FAMILY.text, fontSize: 32, lineHeight: 1.35, color: palette.muted }}>
            {card.subtitle}
          </div>
        ) : null}
      </div>

      <div style={{ height: 112, display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 80px', background: palette.accentStrong }}>
        <div style={{ display: 'flex', fontFamily: OG_FONT_FAMILY.title, fontWeight: 700, fontSize: 44, color: palette.cream }}>{siteName}</div>
        <div style={{ display: 'flex', fontFamily: OG_FONT_FAMILY.text, fontSize: 26, color: palette.accentPale }}>{siteHost}</div>
      </div>
    </div>
  )
}
