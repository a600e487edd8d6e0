import type { ReactNode } from 'react'

/** The smallest root layout Next accepts: no fonts, no CSS, no metadata beyond a title. */
export const metadata = { title: 'Floor' }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
