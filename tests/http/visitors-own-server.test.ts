import { INQUIRIES_PER_CLIENT, INQUIRIES_PER_SITE } from '@/lib/inquiries/rateLimit'
import { FAILED_LOGINS_PER_ADDRESS } from '@/lib/auth/limits'
import { postJson } from './client'
import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from './ownServer'

/**
 * A server of its own (an empty database, settings the shared one must not have), for what would
 * spend limits every other file counts on: who a visitor is when X-Forwarded-For lies
 * (TRUSTED_PROXIES), the contact form's honeypot and site-wide cap, and the first admin created
 * from ADMIN_EMAIL/ADMIN_PASSWORD before anyone can claim /admin. 127.23.0.100 plays the trusted
 * proxy; every other 127.23.0.x is a client connecting directly.
 */
const PROXY = '127.23.0.100'
const ADMIN = { email: 'owner-from-env@example.com', password: 'a-long-password-from-the-environment' }
const RUN = Date.now().toString(36)

let server: OwnServer
let database: ReturnType<typeof temporarySqliteUri>
let adminToken: string

const GOOD = { name: 'Maria Lopez', message: 'I would like to book a massage for my shoulders, please.', consent: true }
let sent = 0
const inquiry = (extra: Record<string, unknown> = {}) => ({ ...GOOD, email: `visitor-${RUN}-${++sent}@example.com`, ...extra })
const postInquiry = (data: unknown, from: string, forwardedFor?: string) =>
  postJson(server.baseUrl, '/api/inquiries', data, from, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {})

async function storedInquiries(): Promise<{ email: string; status: string }[]> {
  const response = await fetch(`${server.baseUrl}/api/inquiries?limit=0&depth=0&sort=createdAt`, { headers: { authorization: `JWT ${adminToken}` } })
  expect(response.status).toBe(200)
  return (await response.json()).docs
}

beforeAll(async () => {
  database = temporarySqliteUri()
  server = await startOwnServer(database.uri, { env: { TRUSTED_PROXIES: PROXY, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } })
  const login = await postJson(server.baseUrl, '/api/users/login', ADMIN, '127.23.0.99')
  expect(login.status).toBe(200)
  adminToken = login.json().token
}, 180_000)

afterAll(() => {
  stopOwnServer(server)
  database?.cleanup()
})

describe('the first admin', () => {
  it('is created from ADMIN_EMAIL and ADMIN_PASSWORD at start, so nobody else can claim the site', async () => {
    const me = await fetch(`${server.baseUrl}/api/users/me`, { headers: { authorization: `JWT ${adminToken}` } })
    expect((await me.json()).user).toMatchObject({ email: ADMIN.email, role: 'admin' })
    const stranger = await postJson(server.baseUrl, '/api/users/first-register', { email: 'stranger@example.com', password: 'i-own-this-site-now' }, '127.23.0.98')
    expect(stranger.status).toBeGreaterThanOrEqual(400)
    const users = await fetch(`${server.baseUrl}/api/users?depth=0`, { headers: { authorization: `JWT ${adminToken}` } })
    expect((await users.json()).docs.map((user: { email: string }) => user.email)).toEqual([ADMIN.email])
  })
})

describe('who a visitor is', () => {
  it('is the connection’s own address, whatever X-Forwarded-For it sends', async () => {
    const from = '127.23.0.1'
    for (let n = 0; n < INQUIRIES_PER_CLIENT; n++) expect((await postInquiry(inquiry(), from, `198.51.100.${n + 1}`)).status).toBe(201)
    const refused = await postInquiry(inquiry(), from, '198.51.100.77')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('is what a trusted proxy says, read from the right: the entries a client wrote itself do not count', async () => {
    for (let n = 0; n < INQUIRIES_PER_CLIENT; n++) expect((await postInquiry(inquiry(), PROXY, '203.0.113.1')).status).toBe(201)
    // The client wrote "6.6.6.6" itself; the proxy appended the address it really came from.
    expect((await postInquiry(inquiry(), PROXY, '6.6.6.6, 203.0.113.1')).status).toBe(429)
    // Someone else behind the same proxy is someone else.
    expect((await postInquiry(inquiry(), PROXY, '203.0.113.2')).status).toBe(201)
  })

  it('counts failed logins by the connection too, so changing X-Forwarded-For buys no more tries', async () => {
    const from = '127.23.0.2'
    for (let n = 0; n < FAILED_LOGINS_PER_ADDRESS; n++) {
      const response = await postJson(server.baseUrl, '/api/users/login', { email: `guess-${n}@example.com`, password: 'password1' }, from, {
        'x-forwarded-for': `198.51.100.${100 + n}`,
      })
      expect(response.status).toBe(401)
    }
    const refused = await postJson(server.baseUrl, '/api/users/login', ADMIN, from, { 'x-forwarded-for': '198.51.100.200' })
    expect(refused.status).toBe(429)
  })
})

describe('the contact form under a flood', () => {
  it('checks the honeypot first: a bot filling it spends no visitor’s allowance, its own address’s included', async () => {
    const from = '127.23.0.3'
    const bots = Array.from({ length: INQUIRIES_PER_CLIENT + 2 }, () => inquiry({ website: 'https://cheap-pills.example' }))
    for (const bot of bots) expect((await postInquiry(bot, from)).status).toBe(201)
    const person = inquiry()
    expect((await postInquiry(person, from)).status).toBe(201)
    const stored = await storedInquiries()
    expect(stored.filter((doc) => doc.email === person.email)).toEqual([expect.objectContaining({ status: 'new' })])
    expect(stored.filter((doc) => bots.some((bot) => bot.email === doc.email))).toEqual([])
  })

  it(`past ${INQUIRIES_PER_SITE} messages from everyone in 10 minutes, stores them "held for review" instead of refusing`, async () => {
    const alreadyNew = (await storedInquiries()).filter((doc) => doc.status === 'new').length
    const toFill = INQUIRIES_PER_SITE - alreadyNew
    const bots = Array.from({ length: toFill + 3 }, (_, n) => `192.0.2.${n + 1}`)
    for (const bot of bots) expect((await postInquiry(inquiry(), PROXY, bot)).status).toBe(201)
    // A real visitor after the flood: still accepted, kept for the therapist, not refused.
    const person = inquiry()
    const response = await postInquiry(person, PROXY, '203.0.113.50')
    expect(response.status).toBe(201)
    const stored = await storedInquiries()
    expect(stored.filter((doc) => doc.status === 'new')).toHaveLength(INQUIRIES_PER_SITE)
    expect(stored.filter((doc) => doc.status === 'held')).toHaveLength(4)
    expect(stored.find((doc) => doc.email === person.email)?.status).toBe('held')
  })
})
