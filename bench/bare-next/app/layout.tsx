import type { ReactNode } from 'react'

/** The smallest root layout Next accepts: no fonts, no CSS, no metadata beyond a title. */
export const metadata = { title: 'Bare Next.js' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
