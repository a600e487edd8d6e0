'use client'

import { useEffect } from 'react'

import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/runtime/db-errors'
import { OUTAGE_HEADING, OUTAGE_MESSAGE } from '@/lib/runtime/outageText'

/** Shown when a page fails to render; the visitor can retry without losing their place. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])
  // The database is away (lib/runtime/db-errors.ts): a calm note, not an alarm; retrying will work soon.
  const outage = error.digest === DATABASE_UNAVAILABLE_DIGEST
  return (
    <section className="message-page">
      <h1>{outage ? OUTAGE_HEADING : 'Something went wrong'}</h1>
      <p>{outage ? OUTAGE_MESSAGE : 'This page could not be shown just now. Please try again in a moment.'}</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{' '}
        <a href="/">Go to the home page</a>
      </p>
      {error.digest && !outage ? <p className="muted">Reference: {error.digest}</p> : null}
    </section>
  )
}
