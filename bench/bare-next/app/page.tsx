/** The one-line page: the client JS every Next.js App Router page downloads, at the least. */
export default function OneLinePage() {
  return <p>Hello from a bare Next.js app.</p>
}
