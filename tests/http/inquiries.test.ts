import { readFileSync, statSync } from 'node:fs'

import { parse } from 'node-html-parser'

import { INQUIRIES_PER_CLIENT } from '@/lib/inquiries/rateLimit'
import { MESSAGES } from '@/lib/inquiries/schema'
import { adminSession, api } from './auth'
import { addresses, postJson, send, type RawResponse } from './client'
import { get, text } from './html'
import { baseUrl, readServerState } from './server'

/**
 * Inquiries on the production server: `POST /api/inquiries` (JSON) and the contact form posted
 * the way a browser without JavaScript posts it. Requests come from this file's own local
 * addresses (127.20.0.x: the server counts visitors by the connection, lib/runtime/clientAddress.ts), so
 * this file's submissions never spend another file's rate limit, nor the reverse.
 */
const RUN = Date.now().toString(36)
const newClient = addresses(20)

/** A raw answer's headers as a fetch Headers. */
const headersOf = (response: RawResponse) =>
  new Headers(Object.entries(response.headers).map(([name, value]): [string, string] => [name, Array.isArray(value) ? value.join(', ') : String(value)]))

const GOOD = {
  name: 'Maria Lopez',
  email: `http-${RUN}@example.com`,
  preferredTime: 'morning',
  message: 'I would like to book a massage for my shoulders, please.',
  consent: true,
}

let adminToken: string

beforeAll(async () => {
  adminToken = (await adminSession()).token
})

async function post(body: unknown, client = newClient()) {
  const response = await postJson(baseUrl(), '/api/inquiries', body, client)
  return { status: response.status, headers: headersOf(response), body: response.json() }
}

const storedWithEmail = async (email: string) =>
  (await api(`/inquiries?where[email][equals]=${encodeURIComponent(email)}&depth=0`, { token: adminToken })).body.docs as Array<
    Record<string, unknown>
  >

describe('POST /api/inquiries', () => {
  it('answers bad input with 400 and a message per field, in Payload’s ValidationError shape', async () => {
    const response = await post({ name: '', email: 'maria@', message: 'Hi', preferredTime: 'noon' })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].name).toBe('ValidationError')
    expect(response.body.errors[0].data.errors).toEqual([
      { path: 'name', message: MESSAGES.name },
      { path: 'email', message: MESSAGES.emailInvalid },
      { path: 'preferredTime', message: MESSAGES.preferredTime },
      { path: 'message', message: MESSAGES.messageTooShort },
      { path: 'consent', message: MESSAGES.consent },
    ])
  })

  it('answers a body that is no form at all with 400, never 500', async () => {
    for (const body of [[], 'hello', 42]) {
      const response = await post(body)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.status).toBeLessThan(500)
    }
  })

  it('stores a good submission (201) as status "new", whatever the visitor claims', async () => {
    const email = `good-${RUN}@example.com`
    const response = await post({ ...GOOD, email, status: 'closed' })
    expect(response.status).toBe(201)
    const [stored] = await storedWithEmail(email)
    expect(stored).toMatchObject({ id: response.body.doc.id, name: GOOD.name, consent: true, status: 'new', preferredTime: 'morning' })
  })

  it('answers a filled honeypot with the same 201, and stores nothing', async () => {
    const email = `bot-${RUN}@example.com`
    const response = await post({ ...GOOD, email, website: 'https://cheap-pills.example' })
    expect(response.status).toBe(201)
    expect(response.body.doc.id).toEqual(expect.any(String))
    expect(await storedWithEmail(email)).toEqual([])
  })

  it(`lets one client send ${INQUIRIES_PER_CLIENT} in 10 minutes, then answers 429 with Retry-After`, async () => {
    const client = newClient()
    const email = `limited-${RUN}@example.com`
    for (let sent = 0; sent < INQUIRIES_PER_CLIENT; sent++) expect((await post({ ...GOOD, email }, client)).status).toBe(201)
    const refused = await post({ ...GOOD, email }, client)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500)
    expect(refused.body.errors[0].message).toBe('We have received several messages from you in a short time. Please try again in 10 minutes.')
    expect(await storedWithEmail(email)).toHaveLength(INQUIRIES_PER_CLIENT)
    // Someone else is not held up by it.
    expect((await post({ ...GOOD, email }, newClient())).status).toBe(201)
  })

  it('logs a flood of refused posts as one JSON line, with no stack traces', async () => {
    const logFile = readServerState()!.logFile
    const client = newClient()
    const email = `flood-${RUN}@example.com`
    for (let sent = 0; sent < INQUIRIES_PER_CLIENT; sent++) expect((await post({ ...GOOD, email }, client)).status).toBe(201)
    const before = statSync(logFile).size
    const statuses = await Promise.all(Array.from({ length: 30 }, () => post({ ...GOOD, email }, client).then((response) => response.status)))
    expect(statuses).toEqual(Array(30).fill(429))
    await new Promise((resolve) => setTimeout(resolve, 500)) // pino writes asynchronously
    const written = readFileSync(logFile, 'utf8').slice(before)
    const entries = written
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; err?: { name?: string } })
    // At most one line for the 30 (another test may have used this minute's), and Payload does not
    // log each refusal again as an error with its stack.
    expect(entries.filter((entry) => entry.msg === 'Inquiry refused: rate limit reached').length).toBeLessThanOrEqual(1)
    expect(written).not.toContain('InquiryRateLimited')
  })

  it('never shows inquiries to an anonymous visitor', async () => {
    for (const pathname of ['/inquiries', '/inquiries?depth=0&limit=1', '/inquiries/count']) {
      const response = await api(pathname)
      expect([401, 403]).toContain(response.status)
      expect(response.raw).not.toContain('@example.com')
    }
  })
})

/** Posts the page's form as a browser without JavaScript would: every field, hidden ones included. */
async function postFormWithoutJs(pathname: string, formSelector: string, fields: Record<string, string>, client = newClient()) {
  const page = await get(pathname)
  expect(page.status).toBe(200)
  const form = page.doc.querySelector(formSelector)
  if (!form) throw new Error(`no ${formSelector} on ${pathname}`)
  const body = new FormData()
  for (const input of form.querySelectorAll('input[type="hidden"]')) {
    const name = input.getAttribute('name')
    if (name) body.append(name, input.getAttribute('value') ?? '')
  }
  for (const [name, value] of Object.entries(fields)) body.set(name, value)
  const action = new URL(form.getAttribute('action') || pathname, `${baseUrl()}${pathname}`)
  // Encoded as the browser encodes it (multipart), then sent from this visitor's own address.
  const encoded = new Request(action, { method: 'POST', body })
  const response = await send(baseUrl(), `${action.pathname}${action.search}`, {
    method: 'POST',
    body: await encoded.text(),
    headers: { origin: baseUrl(), 'content-type': encoded.headers.get('content-type') as string },
    from: client,
  })
  const html = response.body
  return { status: response.status, location: (response.headers.location as string | undefined) ?? null, html, doc: parse(html) }
}

describe('the contact form without JavaScript', () => {
  const FORM = { name: 'Sam Jones', email: `form-${RUN}@example.com`, preferredTime: 'weekend', message: 'Do you have weekend appointments?', consent: 'on' }

  it('is linked from the header and labels every field', async () => {
    const page = await get('/contact')
    expect(page.doc.querySelector('header nav a[href="/contact"]')).not.toBeNull()
    for (const field of ['name', 'email', 'phone', 'preferredTime', 'message', 'consent']) {
      const control = page.doc.querySelector(`.contact-form [name="${field}"]`)
      expect(control).not.toBeNull()
      expect(page.doc.querySelector(`label[for="${control?.getAttribute('id')}"]`)).not.toBeNull()
    }
    expect(page.doc.querySelector('[name="email"]')?.getAttribute('autocomplete')).toBe('email')
  })

  it('stores a posted form and answers 303 to the thank-you page', async () => {
    const sent = await postFormWithoutJs('/contact', 'form.contact-form', FORM)
    expect(sent.status).toBe(303)
    expect(new URL(sent.location ?? '', baseUrl()).pathname).toBe('/contact/thanks')
    // The write completed before the answer: the inquiry is there at once.
    const [stored] = await storedWithEmail(FORM.email)
    expect(stored).toMatchObject({ name: 'Sam Jones', preferredTime: 'weekend', consent: true, sourcePath: '/contact', status: 'new' })
    const thanks = await get('/contact/thanks')
    expect(thanks.status).toBe(200)
    expect(text(thanks.doc.querySelector('h1'))).toBe('Thank you for your message')
    expect(thanks.doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex')
  })

  it('comes back with the messages beside the fields, and the visitor’s values kept (escaped)', async () => {
    const name = `<script>alert(1)</script> ${RUN}`
    const sent = await postFormWithoutJs('/contact', 'form.contact-form', { ...FORM, name, email: 'sam@', consent: '' })
    expect(sent.status).toBe(200)
    expect(sent.html).not.toContain('<script>alert(1)</script>')
    const form = sent.doc.querySelector('form.contact-form')
    expect(text(form?.querySelector('.error-summary'))).toContain(MESSAGES.emailInvalid)
    const email = form?.querySelector('[name="email"]')
    expect(email?.getAttribute('value')).toBe('sam@')
    expect(email?.getAttribute('aria-invalid')).toBe('true')
    expect(text(sent.doc.querySelector(`#${email?.getAttribute('aria-describedby')}`))).toBe(MESSAGES.emailInvalid)
    expect(text(sent.doc.querySelector(`#${form?.querySelector('[name="consent"]')?.getAttribute('aria-describedby')}`))).toBe(MESSAGES.consent)
    expect(form?.querySelector('[name="name"]')?.getAttribute('value')).toBe(name)
    expect(form?.querySelector('textarea[name="message"]')?.textContent).toBe(FORM.message)
    expect(await storedWithEmail('sam@')).toEqual([])
  })

  it('works the same from an article’s footer, recording the article as the source', async () => {
    const article = '/blog/massage-therapy-benefits-on-immune-function'
    const email = `article-${RUN}@example.com`
    const sent = await postFormWithoutJs(article, 'footer form.contact-form', { ...FORM, email })
    expect(sent.status).toBe(303)
    expect((await storedWithEmail(email))[0]).toMatchObject({ sourcePath: article })
  })
})
