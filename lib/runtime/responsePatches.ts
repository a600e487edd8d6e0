import { OutgoingMessage, ServerResponse } from 'node:http'

import { ENCODED_PAGES_MAX_BYTES } from '../cache/memory'
import { MemoryStore } from '../cache/store.js'
import { isDatabaseDown } from './health'
import { serviceUnavailablePage } from './outagePage'

/**
 * The one module that patches Node's response (ServerResponse.prototype), for three things Next 16.4
 * and Node 20 cannot be asked to do otherwise. All are installed once per process by
 * instrumentation.ts, and each skips a prototype already marked with its symbol (which is how
 * tests/http/fixtures/without-response-patch.mjs runs a server without one).
 * tests/http/response-patches.test.ts runs Next without each of the first two and shows the
 * behaviour it works around is still there: when that test fails, Next has changed, and the patch
 * can go. The third is about speed, so bench/layers.ts prices it.
 *
 * 1. answerServerErrorsWith503DuringOutages: App Router pages cannot choose their status
 *    (vercel/next.js discussion #53225); a page that cannot render during a database outage would
 *    be a 500.
 * 2. keepOneLocationHeader: Next repeats the Location header of a cached redirect
 *    (vercel/next.js#82117, open; fix proposed in vercel/next.js#95913).
 * 3. sendLargeTextAsBytes: Next ends a cached page's response with its HTML as one string, which
 *    Node encodes to UTF-8 anew for every response: the largest cost of serving the article. And
 *    Next measures that string for Content-Length first (Buffer.byteLength), answered from the
 *    same kept bytes.
 */

/**
 * While the database is away (lib/runtime/health.ts knows), pages Next has cached keep answering 200 as
 * usual: they are cached whole and need no database. A page that is not cached cannot render, and
 * Next answers the failed render with a 500 and an error shell whose text only appears once
 * JavaScript runs. A 500 tells crawlers and monitors that something is broken; a 503 with
 * Retry-After says the site is briefly away. So while the database is down, a 500 goes out as a
 * 503 with Retry-After, no-store, and the plain outage page (lib/runtime/outagePage.ts) in place of
 * whatever Next was writing; feeds and other files get a line of text.
 *
 * Why on Node's response: a Server Component cannot choose its status (Next maps only notFound,
 * forbidden, unauthorized and redirects to one), and proxy.ts no longer sees the site's pages
 * (running it on every request cost more than serving a cached page; see its matcher). Installed
 * once per process by instrumentation.ts. With the database up, each response pays one flag check
 * in writeHead and one property read per write. The request that discovers an outage is covered
 * too: its failed read sets the flag before Next writes the status.
 */

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 30

const INSTALLED = Symbol.for('wellpress.outage-responses')
/** On a response being replaced: the body still to send, or null once sent. */
const REPLACEMENT = Symbol('wellpress.outage-replacement')

type Replaceable = ServerResponse & { [REPLACEMENT]?: string | null }
type Callback = (error?: Error | null) => void

/** Pages get the outage page; feeds, sitemaps, images and the API a short plain answer. */
function outageBody(response: ServerResponse): { body: string; type: string } {
  const pathname = (response.req?.url ?? '/').split('?')[0]
  const isPage = !/\.[a-z0-9]+$/i.test(pathname) && !/^\/(og|api|_next)\//.test(pathname)
  return isPage
    ? { body: serviceUnavailablePage(), type: 'text/html; charset=utf-8' }
    : { body: 'Temporarily unavailable; please try again shortly.\n', type: 'text/plain; charset=utf-8' }
}

const lastCallback = (args: unknown[]) => (typeof args.at(-1) === 'function' ? (args.at(-1) as Callback) : undefined)

export function answerServerErrorsWith503DuringOutages(): void {
  const prototype = ServerResponse.prototype as Replaceable & { [INSTALLED]?: true }
  if (prototype[INSTALLED]) return
  prototype[INSTALLED] = true
  const { writeHead } = ServerResponse.prototype
  const { write, end } = OutgoingMessage.prototype

  prototype.writeHead = function (this: Replaceable, statusCode: number, ...rest: unknown[]) {
    if (statusCode !== 500 || !isDatabaseDown()) return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest)
    const { body, type } = outageBody(this)
    // Next's own headers describe what it was writing (encoding, length, cache verdict): not this.
    for (const name of this.getHeaderNames()) if (/^(content-|etag$|vary$|x-nextjs-)/.test(name)) this.removeHeader(name)
    this[REPLACEMENT] = body
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, 503, 'Service Unavailable', {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'Retry-After': String(RETRY_AFTER_SECONDS),
    })
  } as ServerResponse['writeHead']

  // Below any compression wrapper, which calls these: what Next writes after a replaced status is
  // dropped, and the first end sends the outage body instead.
  prototype.write = function (this: Replaceable, ...args: unknown[]) {
    if (this[REPLACEMENT] === undefined) return (write as (...a: unknown[]) => boolean).apply(this, args)
    const callback = lastCallback(args)
    if (callback) process.nextTick(callback)
    return true
  } as ServerResponse['write']

  prototype.end = function (this: Replaceable, ...args: unknown[]) {
    const replacement = this[REPLACEMENT]
    if (replacement === undefined) return (end as (...a: unknown[]) => ServerResponse).apply(this, args)
    const callback = lastCallback(args)
    if (replacement === null) {
      if (callback) process.nextTick(callback)
      return this
    }
    this[REPLACEMENT] = null
    return (end as (...a: unknown[]) => ServerResponse).call(this, replacement, callback)
  } as ServerResponse['end']
}

/**
 * A workaround for Next 16.4: when a cached page (ISR) renders a redirect on a cache miss (a
 * renamed article's old address, lib/redirects/page.ts), Next sets the Location header while rendering
 * and then appends the same value again from the entry it has just cached, so the response says
 * `Location: /blog/new, /blog/new`. Browsers follow that to a wrong address. One value of a
 * repeated, identical Location is kept. Installed once per process by instrumentation.ts; other
 * responses pay one status comparison. tests/http/search-redirects.test.ts shows the redirect; vercel/next.js#82117 is the upstream bug.
 */
const SINGLE_LOCATION_INSTALLED = Symbol.for('wellpress.single-location')

export function keepOneLocationHeader(): void {
  const prototype = ServerResponse.prototype as ServerResponse & { [SINGLE_LOCATION_INSTALLED]?: true }
  if (prototype[SINGLE_LOCATION_INSTALLED]) return
  prototype[SINGLE_LOCATION_INSTALLED] = true
  const { writeHead } = prototype
  prototype.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (statusCode >= 300 && statusCode < 400) {
      const location = this.getHeader('location')
      if (Array.isArray(location) && location.length > 1 && location.every((value) => value === location[0])) {
        this.setHeader('location', location[0])
      }
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest)
  } as ServerResponse['writeHead']
}

/**
 * Next sends a cached page as one string (`end(html)`), which Node encodes to UTF-8 into freshly
 * allocated memory for every response: for the therapist's 72 KB article (stored by V8 two bytes a
 * character, for its curly quotes and dashes) strace showed an mmap and two munmaps per response,
 * and the server spent 2.8 ms of CPU per response; sent as bytes encoded once, 1.35 ms (encoded
 * anew each time, 1.64 ms); the floor's plain-ASCII page of the same size, 1.1 ms. bench/layers.ts
 * put the article at 0.41x the floor's requests/s before, 0.99x after.
 * So a large string body goes out as its UTF-8 bytes, encoded once per distinct text and kept in a
 * small store bounded by bytes (ENCODED_PAGES_MAX_BYTES): the bytes on the wire are the same,
 * Content-Length included. Strings under 16 KiB and other encodings are left as they are; so is a
 * body written in parts (a page rendered for this very request streams). Installed once per
 * process by instrumentation.ts, after the outage patch, which it wraps: a replaced response's
 * body is its own small string.
 */
const LARGE_TEXT_INSTALLED = Symbol.for('wellpress.large-text-as-bytes')
/** Below this many characters, encoding per response costs less than looking the bytes up. */
export const LARGE_TEXT_CHARS = 16 * 1024

/**
 * UTF-8 bytes of recently sent strings: an LRU bounded by the bytes it holds (lib/cache/store.js),
 * the key's string counted too (two bytes a character at most).
 */
export class EncodedTextStore {
  private readonly store: MemoryStore<Buffer>

  constructor(readonly maxBytes: number) {
    this.store = new MemoryStore<Buffer>(maxBytes, (text, bytes) => bytes.length + text.length * 2)
  }

  /** `text` as UTF-8: from the store when it was sent before, else encoded and kept (if it fits). */
  bytesOf(text: string): Buffer {
    const kept = this.store.get(text)
    if (kept) return kept
    const encoded = Buffer.from(text, 'utf8')
    this.store.set(text, encoded)
    return encoded
  }

  /** How many bytes `text` encodes to, if its bytes are kept; undefined otherwise. */
  keptByteLength(text: string): number | undefined {
    return this.store.peek(text)?.length
  }

  get heldBytes(): number {
    return this.store.bytes
  }

  get size(): number {
    return this.store.slots.size
  }
}

const isUtf8 = (encoding: unknown) =>
  encoding === undefined || typeof encoding === 'function' || (typeof encoding === 'string' && /^utf-?8$/i.test(encoding))

export function sendLargeTextAsBytes(store = new EncodedTextStore(ENCODED_PAGES_MAX_BYTES)): void {
  const prototype = ServerResponse.prototype as ServerResponse & { [LARGE_TEXT_INSTALLED]?: true }
  if (prototype[LARGE_TEXT_INSTALLED]) return
  prototype[LARGE_TEXT_INSTALLED] = true
  // Whatever `end` is by now (the outage patch's, installed first, which may replace the body).
  const { end } = prototype
  prototype.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'string' || chunk.length < LARGE_TEXT_CHARS || !isUtf8(rest[0])) {
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest)
    }
    // The encoding named goes with the string; the bytes need none (a callback may follow it).
    const callback = rest.find((argument) => typeof argument === 'function')
    return (end as (...args: unknown[]) => ServerResponse).call(this, store.bytesOf(chunk), ...(callback ? [callback] : []))
  } as ServerResponse['end']
  // Next sets Content-Length from `Buffer.byteLength(html)` before it ends the response, and for a
  // string V8 holds two bytes a character that is a walk through every character: 34 µs of the
  // article's ~550 µs per response in a CPU profile (the floor's plain-ASCII page: next to none).
  // The bytes kept above already know their length. Only a string kept there is answered from it:
  // anything else is measured by Node as before, and nothing is encoded here.
  const { byteLength } = Buffer
  Buffer.byteLength = function (value: unknown, encoding?: unknown) {
    if (typeof value === 'string' && value.length >= LARGE_TEXT_CHARS && isUtf8(encoding)) {
      const kept = store.keptByteLength(value)
      if (kept !== undefined) return kept
    }
    return (byteLength as (...args: unknown[]) => number)(value, encoding)
  } as typeof Buffer.byteLength
}
