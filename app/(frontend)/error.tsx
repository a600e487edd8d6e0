'use client'

import { useEffect } from 'react'

/** Shown when a page fails to render; the visitor can retry without losing their place. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <section className="message-page">
      <h1>Something went wrong</h1>
      <p>This page could not be shown just now. Please try again in a moment.</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>{' '}
        <a href="/">Go to the home page</a>
      </p>
      {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
    </section>
  )
}
