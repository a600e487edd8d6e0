import { randomBytes } from 'node:crypto'
import http, { type IncomingMessage } from 'node:http'

import { resolveClientAddress, STAMP_HEADER, trustedProxyList, type StampHolder } from './clientAddress'

/**
 * Makes every request this process serves carry its client's address, resolved on the socket
 * (lib/runtime/clientAddress.ts says why), in a header named at random once per process, which no client
 * can therefore send. Installed once per process by instrumentation.ts: `http.Server`'s `emit`
 * gains one step for "request" events, before Next's own request listener runs.
 */
export function installClientAddressStamp(trustedProxies: readonly string[]): void {
  const holder = globalThis as StampHolder
  if (holder[STAMP_HEADER]) return
  const header = `x-wellpress-client-${randomBytes(8).toString('hex')}`
  const trusted = trustedProxyList(trustedProxies)
  const { emit } = http.Server.prototype
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage
      request.headers[header] = resolveClientAddress(request.socket?.remoteAddress, request.headers['x-forwarded-for'], trusted)
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>)
  } as typeof emit
  holder[STAMP_HEADER] = header
}
