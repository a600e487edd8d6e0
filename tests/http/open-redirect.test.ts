import { adminSession, api } from './auth'
import { send, type RawResponse } from './client'
import { baseUrl, TEST_SITE_URL } from './server'

/**
 * Every place the site redirects from something a stranger controls (a query parameter, a Referer,
 * the request path, a stored redirect, the admin's `?redirect=`), tried with the addresses that
 * slip past naive checks. Whatever the answer, a browser following its Location stays on this
 * site. Requests go out byte for byte (tests/http/client.ts): fetch would tidy `//` and `/./`.
 */
const RUN = `redir${Date.now().toString(36)}`

const TRICKS = [
  '/.//evil.example/login',
  '/..//evil.example/x',
  '//evil.example',
  '///evil.example/',
  '/\\evil.example',
  '/%2F%2Fevil.example',
  '/%5C%5Cevil.example',
  'https://evil.example/',
  'javascript:alert(1)',
]

/** Where a browser on `page` goes for this answer's Location (null when it is no redirect). */
function destination(response: RawResponse, page: string): URL | null {
  const location = response.headers.location
  if (response.status < 300 || response.status >= 400 || !location) return null
  return new URL(location, page)
}

/**
 * The browser lands on this site; and for the site's own redirects, not even on a path that a
 * next hop could read as another host (`https://site//evil.example`).
 */
function expectStaysOnSite(response: RawResponse, page: string, { ownRedirect = true } = {}) {
  const target = destination(response, page)
  if (target) {
    expect(`${target.protocol}//${target.host}`).toBe(new URL(page).origin)
    if (ownRedirect) expect(target.pathname).not.toMatch(/^\/[/\\]/)
  }
  return target
}

describe('leaving the draft preview (/next/exit-preview)', () => {
  const host = () => new URL(baseUrl()).host
  const candidates = () => [...TRICKS, `http://${host()}//evil.example`, `${TEST_SITE_URL}//evil.example`, `http://${host()}/.//evil.example/login`]

  it('never sends ?path= elsewhere', async () => {
    for (const candidate of candidates()) {
      const path = `/next/exit-preview?path=${encodeURIComponent(candidate)}`
      const response = await send(baseUrl(), path)
      expect(response.status).toBe(307)
      expectStaysOnSite(response, `${baseUrl()}${path}`)
    }
  })

  it('never sends a Referer elsewhere', async () => {
    for (const candidate of candidates()) {
      const response = await send(baseUrl(), '/next/exit-preview', { headers: { referer: candidate } })
      expect(response.status).toBe(307)
      expectStaysOnSite(response, `${baseUrl()}/next/exit-preview`)
    }
  })

  it('still returns to the page the bar was on', async () => {
    const response = await send(baseUrl(), `/next/exit-preview?path=${encodeURIComponent('/blog?page=2')}`)
    expect(destination(response, baseUrl())?.pathname).toBe('/blog')
  })
})

describe('odd spellings of an address (proxy.ts)', () => {
  it.each(['//evil.example/', '//evil.example/login/', '//Evil.example', '///evil.example/', '/.//evil.example/', '//evil.example/%2E%2E/', '/\\evil.example/'])(
    '%s is sent to this site, if anywhere',
    async (path) => {
      const response = await send(baseUrl(), path)
      expect(response.status).toBeLessThan(500)
      expectStaysOnSite(response, `${baseUrl()}/`)
    },
  )
})

describe('stored redirects', () => {
  let token: string
  const ids: string[] = []

  beforeAll(async () => {
    token = (await adminSession()).token
  })
  afterAll(async () => {
    for (const id of ids) await api(`/redirects/${id}`, { method: 'DELETE', token })
  })

  it.each(['//evil.example/phish', '/\\evil.example/phish', '/.//evil.example/phish', 'javascript:alert(1)'])(
    'pointing at %j lead nowhere off the site',
    async (url) => {
      const from = `/${RUN}-${ids.length}`
      const created = await api('/redirects', { method: 'POST', token, body: JSON.stringify({ from, to: { type: 'custom', url }, type: '308' }) })
      if (created.status === 201) ids.push(created.body.doc.id)
      const response = await send(baseUrl(), from)
      expect(response.status).toBeLessThan(500)
      expectStaysOnSite(response, `${baseUrl()}${from}`)
    },
  )
})

describe('the admin’s login (?redirect=, checked by Payload itself)', () => {
  it.each(TRICKS)('%j keeps a signed-in writer on the site, through every hop', async (candidate) => {
    const { token } = await adminSession()
    const path = `/admin/login?redirect=${encodeURIComponent(candidate)}`
    const response = await send(baseUrl(), path, { headers: { cookie: `payload-token=${token}`, 'sec-fetch-site': 'same-origin' } })
    expect(response.status).toBeLessThan(500)
    // Payload may answer `/.//evil.example/login`: this site's `//evil.example/login`, which Next
    // itself then sends to `/evil.example/login`. Followed to its end, it never leaves.
    const target = expectStaysOnSite(response, `${baseUrl()}${path}`, { ownRedirect: false })
    if (target) {
      const next = await send(baseUrl(), `${target.pathname}${target.search}`)
      expectStaysOnSite(next, target.href.replace(target.origin, baseUrl()), { ownRedirect: false })
    }
  })
})
