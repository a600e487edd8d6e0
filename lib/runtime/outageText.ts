/**
 * What visitors read while the database is away: on the 503 page (lib/runtime/outagePage.ts) and in the
 * error boundary (app/(frontend)/error.tsx). No imports, so the client bundle can use it too.
 */
export const OUTAGE_HEADING = 'We’ll be right back'
export const OUTAGE_MESSAGE =
  'This page is taking a short break while we sort something out behind the scenes. Please try again in a minute or two.'
