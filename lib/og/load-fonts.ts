import { readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Fonts for the share images, shipped in the repository (lib/og/fonts, SIL OFL 1.1, licences
 * beside them) because the server may have no internet. Caladea is metric-compatible with
 * Cambria from the site's serif stack; Lato matches its sans-serif UI text. Satori reads TTF, OTF
 * and WOFF, not WOFF2. next.config.ts traces this folder into the standalone build.
 */
const FONT_DIR = path.join(process.cwd(), 'lib', 'og', 'fonts')

export const OG_FONT_FAMILY = { title: 'Caladea', text: 'Lato' } as const

type OgFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }

async function load(): Promise<OgFont[]> {
  const [caladeaBold, latoRegular] = await Promise.all([
    readFile(path.join(FONT_DIR, 'Caladea-Bold.ttf')),
    readFile(path.join(FONT_DIR, 'Lato-Regular.ttf')),
  ])
  return [
    { name: OG_FONT_FAMILY.title, data: caladeaBold, weight: 700, style: 'normal' },
    { name: OG_FONT_FAMILY.text, data: latoRegular, weight: 400, style: 'normal' },
  ]
}

let fonts: Promise<OgFont[]> | undefined

/** Read once per server process, on the first image asked for (never at build time). */
export function loadOgFonts(): Promise<OgFont[]> {
  fonts ??= load().catch((error: unknown) => {
    fonts = undefined // a failed read is retried on the next request instead of cached forever
    throw error
  })
  return fonts
}
