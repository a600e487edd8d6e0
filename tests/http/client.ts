import http from 'node:http'

/**
 * HTTP requests the way a stranger sends them: from a chosen local address (every address in
 * 127.0.0.0/8 is this machine, so the server sees a different client: the honest way to test
 * per-client limits), with the request path sent byte for byte (fetch would normalise `//x` or
 * `/./`), and redirects never followed.
 */
export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; json: () => any; ms: number }

export type RawRequest = {
  method?: string
  headers?: Record<string, string>
  body?: string
  /** The address to send from: 127.0.0.2, 127.0.0.3… */
  from?: string
}

export function send(base: string, path: string, { method = 'GET', headers = {}, body, from }: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(base)
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        localAddress: from,
        headers: { ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }), ...headers },
        agent: false,
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text, json: () => JSON.parse(text), ms: performance.now() - started }),
        )
      },
    )
    request.on('error', reject)
    request.setTimeout(60_000, () => request.destroy(new Error(`${method} ${path} timed out`)))
    request.end(body)
  })
}

/** A JSON POST from `from`. */
export const postJson = (base: string, path: string, data: unknown, from?: string, headers: Record<string, string> = {}) =>
  send(base, path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(data), from })

/**
 * Local addresses for one test file: 127.<block>.0.1, .2… Each file that counts per-client limits
 * on the shared server takes its own block, so no file ever spends another's.
 */
export function addresses(block: number) {
  let next = 0
  return () => {
    if (++next > 254) throw new Error(`address block 127.${block}.0.0/24 used up`)
    return `127.${block}.0.${next}`
  }
}
