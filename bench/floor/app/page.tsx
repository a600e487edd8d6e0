/** The one-line page: the least client JS any App Router page downloads (bench/client-js.ts). */
export default function OneLinePage() {
  return <p>Hello from the floor.</p>
}
