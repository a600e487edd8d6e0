import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { EncodedTextStore, LARGE_TEXT_CHARS, sendLargeTextAsBytes } from '@/lib/runtime/responsePatches'

/**
 * A cached page goes out as its UTF-8 bytes, encoded once (lib/runtime/responsePatches.ts
 * `sendLargeTextAsBytes`): on a real Node server, what the client receives must be exactly what
 * the string would have sent. bench/layers.ts measures what it saves.
 */
const originalByteLength = Buffer.byteLength
const store = new EncodedTextStore(1024 * 1024)
sendLargeTextAsBytes(store)

// A page's worth of text with characters beyond Latin-1, as the therapist writes them.
const page = `<!DOCTYPE html><p>Massage isn’t a luxury — it’s “care”. Ünïcode: 漢字 🌿</p>${'x'.repeat(LARGE_TEXT_CHARS)}`

let server: Server
let baseUrl: string
let respond: (response: ServerResponse) => void

beforeAll(async () => {
  server = createServer((_request, response) => respond(response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

async function fetchBytes(): Promise<{ body: Buffer; length: string | null }> {
  const response = await fetch(baseUrl, { headers: { 'accept-encoding': 'identity' } })
  return { body: Buffer.from(await response.arrayBuffer()), length: response.headers.get('content-length') }
}

describe('sendLargeTextAsBytes', () => {
  it('sends a large string body as exactly its UTF-8 bytes, with the Content-Length Next computed', async () => {
    respond = (response) => {
      response.setHeader('Content-Length', Buffer.byteLength(page))
      response.end(page)
    }
    const first = await fetchBytes()
    const second = await fetchBytes()
    expect(first.body.equals(Buffer.from(page, 'utf8'))).toBe(true)
    expect(first.body.toString('utf8')).toBe(page)
    expect(first.length).toBe(String(Buffer.byteLength(page)))
    expect(second.body.equals(first.body)).toBe(true)
    // Encoded once, then reused.
    expect(store.size).toBe(1)
  })

  it('still calls the callback, whether it follows the string or its encoding', async () => {
    const called: string[] = []
    respond = (response) => response.end(page, () => called.push('after the string'))
    await fetchBytes()
    respond = (response) => response.end(page, 'utf8', () => called.push('after the encoding'))
    await fetchBytes()
    await new Promise((resolve) => setImmediate(resolve))
    expect(called).toEqual(['after the string', 'after the encoding'])
  })

  it('leaves another encoding to Node: a latin1 body is sent as latin1, not converted to UTF-8', async () => {
    const latin = `Café crème ${'y'.repeat(LARGE_TEXT_CHARS)}`
    respond = (response) => response.end(latin, 'latin1')
    const { body } = await fetchBytes()
    expect(body.equals(Buffer.from(latin, 'latin1'))).toBe(true)
    expect(body.length).toBe(latin.length)
  })

  it('leaves small strings alone and never keeps them', async () => {
    const sizeBefore = store.size
    respond = (response) => response.end('Small ’ body')
    const { body } = await fetchBytes()
    expect(body.toString('utf8')).toBe('Small ’ body')
    expect(store.size).toBe(sizeBefore)
  })
})

describe('Buffer.byteLength once the patch is installed', () => {
  it('answers a kept page from its bytes, and everything else as Node does', async () => {
    respond = (response) => response.end(page)
    await fetchBytes()
    expect(store.keptByteLength(page)).toBe(Buffer.from(page, 'utf8').length)
    expect(Buffer.byteLength).not.toBe(originalByteLength)

    const notKept = `${page}…and more`
    const latin = `Café ${'y'.repeat(LARGE_TEXT_CHARS)}`
    const cases: [unknown, BufferEncoding?][] = [
      [page],
      [page, 'utf8'],
      [page, 'utf-8'],
      // Another encoding of the same kept text: not its UTF-8 length.
      [page, 'utf16le'],
      [page, 'latin1'],
      [notKept],
      [latin, 'latin1'],
      ['Small ’ body'],
      ['aGVsbG8=', 'base64'],
      [Buffer.from(page)],
      [new Uint8Array(7)],
      [new ArrayBuffer(5)],
    ]
    for (const [value, encoding] of cases) {
      expect(Buffer.byteLength(value as string, encoding)).toBe(originalByteLength(value as string, encoding))
    }
    expect(store.keptByteLength(notKept)).toBeUndefined()
  })
})

describe('EncodedTextStore', () => {
  const text = (n: number) => `${n}’${'z'.repeat(1000)}`
  // A 1002-character string with one curly quote: 1004 bytes of UTF-8 plus 2004 counted for the key.
  const weight = Buffer.byteLength(text(1)) + text(1).length * 2

  it('returns the same bytes for the same text, and correct bytes for each', () => {
    const small = new EncodedTextStore(100 * weight)
    const bytes = small.bytesOf(text(1))
    expect(small.bytesOf(text(1))).toBe(bytes)
    expect(bytes.toString('utf8')).toBe(text(1))
    expect(small.bytesOf(text(2)).toString('utf8')).toBe(text(2))
  })

  it('stays within its bound, dropping the least recently used first', () => {
    const small = new EncodedTextStore(3 * weight)
    const one = small.bytesOf(text(1))
    const two = small.bytesOf(text(2))
    const three = small.bytesOf(text(3))
    expect(small.bytesOf(text(1))).toBe(one) // now the most recently used
    small.bytesOf(text(4)) // over the bound: text(2), the least recently used, goes
    expect(small.size).toBe(3)
    expect(small.heldBytes).toBe(3 * weight)
    expect(small.bytesOf(text(1))).toBe(one)
    expect(small.bytesOf(text(3))).toBe(three)
    // text(2) was dropped: it is encoded anew (another Buffer, the same bytes).
    const twoAgain = small.bytesOf(text(2))
    expect(twoAgain).not.toBe(two)
    expect(twoAgain.equals(two)).toBe(true)
    expect(small.heldBytes).toBeLessThanOrEqual(3 * weight)
  })

  it('encodes but never keeps a text larger than the whole bound', () => {
    const tiny = new EncodedTextStore(weight - 1)
    expect(tiny.bytesOf(text(1)).toString('utf8')).toBe(text(1))
    expect(tiny.size).toBe(0)
    expect(tiny.heldBytes).toBe(0)
  })
})
