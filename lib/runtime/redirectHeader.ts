import { ServerResponse } from 'node:http'

/**
 * A workaround for Next 16.4: when a cached page (ISR) renders a redirect on a cache miss (a
 * renamed article's old address, lib/redirects/page.ts), Next sets the Location header while rendering
 * and then appends the same value again from the entry it has just cached, so the response says
 * `Location: /blog/new, /blog/new`. Browsers follow that to a wrong address. One value of a
 * repeated, identical Location is kept. Installed once per process by instrumentation.ts; other
 * responses pay one status comparison. tests/http/search-redirects.test.ts shows the redirect.
 */
const INSTALLED = Symbol.for('wellpress.single-location')

export function keepOneLocationHeader(): void {
  const prototype = ServerResponse.prototype as ServerResponse & { [INSTALLED]?: true }
  if (prototype[INSTALLED]) return
  prototype[INSTALLED] = true
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
