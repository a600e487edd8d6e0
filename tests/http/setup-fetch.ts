/**
 * jest `setupFiles` of the http and e2e tiers: fetch retries a request once when the kept-alive
 * connection it went out on turns out to have been closed by the server (undici: "other side
 * closed", before any answer). That is HTTP/1.1's keep-alive race: the server closes an idle
 * connection (Node's keep-alive timeout, 5 s) just as the client reuses it, and on a busy machine
 * the client's own idle timer fires late. The server never read the request, so sending it again
 * on a fresh connection is what browsers do by themselves; undici's fetch does not.
 */
const fetchOnce = globalThis.fetch

/** Checked by shape: fetch's errors come from Node's realm, not the test's (instanceof fails). */
function closedBeforeAnswering(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause
  return cause?.code === 'UND_ERR_SOCKET' && String(cause.message).includes('other side closed')
}

globalThis.fetch = async (input, init) => {
  try {
    return await fetchOnce(input, init)
  } catch (error) {
    // A Request object's body may already be spent; the tests pass addresses.
    if (!closedBeforeAnswering(error) || !(typeof input === 'string' || input instanceof URL)) throw error
    return fetchOnce(input, init)
  }
}
