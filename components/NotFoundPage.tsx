import { draftMode } from 'next/headers'
import { notFound } from 'next/navigation'
import { Suspense } from 'react'

import { followStoredRedirect } from '@/lib/redirects/page'
import { NotFoundContent } from './NotFoundContent'

/**
 * What a page renders when its document does not exist: the site's not-found page inside its own
 * layout (header, footer, `lang`), answered 404 and noindex, in the server's HTML.
 *
 * Not a plain notFound(): Next 16.4 cannot draw a not-found boundary on the server
 * (vercel/next.js#62228, open). notFound() thrown while a page renders stops React's server render
 * (error boundaries only run in the browser), and Next answers with an empty error document
 * (`<html id="__next_error__">`) that only the browser's JavaScript fills in: a blank page for
 * crawlers and visitors without it. Thrown inside a Suspense boundary it stops only that boundary:
 * when Next caches the render (ISR, every page here) it still answers 404 and adds noindex, and in
 * the browser the router shows app/(frontend)/not-found.tsx in place of the page: the same content.
 *
 * A page rendered on every request (draft mode, and every page under `next dev`) would answer that
 * 200 (Next sets no status for an error inside a boundary when it streams): there the plain
 * notFound() keeps the 404.
 */
export async function NotFoundPage() {
  if (process.env.NODE_ENV === 'development' || (await draftMode()).isEnabled) notFound()
  return (
    <>
      <NotFoundContent />
      <Suspense fallback={null}>
        <AnswerNotFound />
      </Suspense>
    </>
  )
}

function AnswerNotFound(): never {
  notFound()
}

/** A missing document's page: its stored redirect (lib/redirects/page.ts), else the not-found page. */
export async function RedirectOrNotFound({ path }: { path: string | null }) {
  await followStoredRedirect(path)
  return <NotFoundPage />
}
