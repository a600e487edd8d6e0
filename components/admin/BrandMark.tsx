/** The site's mark (public/favicon.svg): a pale leaf on a green disc. Decorative beside a name. */
export function BrandMark({ size }: { size: number }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill="#2f5d50" />
      <path d="M20 44c0-15 10-25 26-26-1 16-11 26-26 26z" fill="#f4f1ea" />
      <path d="M20 44c6-8 12-14 20-19" fill="none" stroke="#2f5d50" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  )
}
