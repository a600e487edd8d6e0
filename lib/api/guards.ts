import { isDecodablePath } from '../paths/canonical'

/**
 * Guards in front of Payload's REST and GraphQL route handlers for input Payload itself turns
 * into a 500: it `JSON.parse`s a plain `?where=` or `?data=` query value, and a GraphQL body,
 * without catching the error. Strangers' malformed input must get a 400 that says what is wrong.
 */
type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>

/** Query parameters Payload reads as JSON when given as one plain value (not `where[field]=…`). */
const JSON_QUERY_PARAMS = ['where', 'data'] as const

function badRequest(message: string): Response {
  return Response.json({ errors: [{ message }] }, { status: 400 })
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** `page` must be a page number: Payload answers `page=1e309` (Infinity) with a 500. */
const PAGE_NUMBER = /^\d{1,9}$/

/** The first malformed query parameter's complaint, or null when the query is fine. */
export function malformedJsonQuery(searchParams: URLSearchParams): string | null {
  const page = searchParams.get('page')
  if (page !== null && page !== '' && !PAGE_NUMBER.test(page)) return 'The "page" query parameter must be a whole number.'
  for (const name of JSON_QUERY_PARAMS) {
    const value = searchParams.get(name)
    if (value && !isJson(value)) {
      return `The "${name}" query parameter must be JSON, or use the bracket form (${name}[field][equals]=value).`
    }
  }
  return null
}

export function rejectMalformedQuery<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (request, ...rest) => {
    const url = new URL(request.url)
    if (!isDecodablePath(url.pathname)) return badRequest('This address is not validly encoded.')
    const problem = malformedJsonQuery(url.searchParams)
    return problem ? badRequest(problem) : handler(request, ...rest)
  }
}

/** GraphQL requests are JSON; anything else is refused before Payload's parser throws on it. */
export function rejectNonJsonBody<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (request, ...rest) => {
    const body = await request.clone().text()
    if (!isJson(body)) return badRequest('The request body must be a JSON GraphQL request: {"query": "…"}.')
    return handler(request, ...rest)
  }
}
