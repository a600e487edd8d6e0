import { FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS, FAILED_LOGINS_PER_ADDRESS, RESET_REQUESTS_PER_ADDRESS } from '@/lib/auth/limits'
import { adminSession, api } from './auth'
import { addresses, postJson, type RawResponse } from './client'
import { baseUrl } from './server'

/**
 * The admin's door, knocked on as a stranger would: failed logins look the same whether the
 * e-mail has an account or not (words, status, time), they are limited per client address (429
 * with Retry-After) rather than by locking the account for everyone, and the owner still gets in
 * from her own address. Password resets answer alike for every e-mail and are limited per address
 * too. Every request comes from this file's own local addresses (127.21.0.x), and every account
 * is this file's own, so no other file's logins are touched.
 */
const RUN = `throttle${Date.now().toString(36)}`
const nextAddress = addresses(21)

let adminToken: string
const created: string[] = []

async function account(name: string) {
  const user = { email: `${RUN}-${name}@example.com`, password: `the-right-password-${name}` }
  const response = await api('/users', { method: 'POST', token: adminToken, body: JSON.stringify(user) })
  expect(response.status).toBe(201)
  created.push(response.body.doc.id)
  return user
}

const login = (email: string, password: string, from: string) => postJson(baseUrl(), '/api/users/login', { email, password }, from)
const message = (response: RawResponse) => response.json().errors?.[0]?.message as string | undefined
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

beforeAll(async () => {
  adminToken = (await adminSession()).token
})

afterAll(async () => {
  for (const id of created) await api(`/users/${id}`, { method: 'DELETE', token: adminToken })
})

describe('failed logins look alike, whether the account exists or not', () => {
  it('in words, status and time', async () => {
    const real = await account('real')
    const unknown = `${RUN}-nobody@example.com`
    const from = nextAddress()
    const answers: { real: RawResponse[]; unknown: RawResponse[] } = { real: [], unknown: [] }
    // Alternating, so load on the machine weighs on both alike; fewer than the lock of either.
    for (let round = 0; round < FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS - 1; round++) {
      answers.real.push(await login(real.email, 'a-wrong-password', from))
      answers.unknown.push(await login(unknown, 'a-wrong-password', from))
    }
    for (const response of [...answers.real, ...answers.unknown]) {
      expect(response.status).toBe(401)
      expect(message(response)).toBe('The email or password provided is incorrect.')
    }
    expect(answers.real[0].body).toBe(answers.unknown[0].body)
    // A real account's wrong password costs a password hash (~100 ms here); an unknown e-mail
    // must cost the same, or the time tells which e-mails have accounts.
    const [realMs, unknownMs] = [median(answers.real.map((r) => r.ms)), median(answers.unknown.map((r) => r.ms))]
    expect(unknownMs).toBeGreaterThan(realMs * 0.5)
    expect(realMs).toBeGreaterThan(unknownMs * 0.5)
  })

  it('and once limited, the same 429 for both, before any password is checked', async () => {
    const real = await account('limited')
    const unknown = `${RUN}-nobody-else@example.com`
    const from = nextAddress()
    for (let attempt = 0; attempt < FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS; attempt++) {
      expect((await login(real.email, `wrong-${attempt}`, from)).status).toBe(401)
      expect((await login(unknown, `wrong-${attempt}`, from)).status).toBe(401)
    }
    const [forReal, forUnknown] = [await login(real.email, real.password, from), await login(unknown, 'whatever-it-is', from)]
    for (const response of [forReal, forUnknown]) {
      expect(response.status).toBe(429)
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0)
      expect(message(response)).toMatch(/^Too many failed logins from your network\. Please try again in \d+ minutes?\.$/)
    }
    expect(forReal.body).toBe(forUnknown.body)
    expect(JSON.stringify(forReal.json())).not.toMatch(/locked/i)
  })
})

describe('nobody can lock the owner out', () => {
  it('failures from one address shut out that address only: the owner still logs in from hers', async () => {
    const owner = await account('owner')
    const [attacker, home] = [nextAddress(), nextAddress()]
    for (let attempt = 0; attempt < FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS; attempt++) {
      expect((await login(owner.email, `guess-${attempt}`, attacker)).status).toBe(401)
    }
    // The attacker is out, even with the right password...
    const locked = await login(owner.email, owner.password, attacker)
    expect(locked.status).toBe(429)
    // ...while the owner, from her own address, is not.
    const mine = await login(owner.email, owner.password, home)
    expect(mine.status).toBe(200)
    expect(mine.json().user.email).toBe(owner.email)
  })

  it('an address that tries many accounts is throttled before any one of them is locked', async () => {
    const from = nextAddress()
    for (let attempt = 0; attempt < FAILED_LOGINS_PER_ADDRESS; attempt++) {
      expect((await login(`${RUN}-spray-${attempt}@example.com`, 'password123', from)).status).toBe(401)
    }
    const next = await login(`${RUN}-spray-last@example.com`, 'password123', from)
    expect(next.status).toBe(429)
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0)
    // Another address is not held up by it.
    expect((await login(`${RUN}-spray-last@example.com`, 'password123', nextAddress())).status).toBe(401)
  })

  it('a correct password forgets that address’s failures; an admin’s unlock forgets them everywhere', async () => {
    const user = await account('unlock')
    const from = nextAddress()
    for (let attempt = 0; attempt < FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS - 1; attempt++) {
      expect((await login(user.email, `typo-${attempt}`, from)).status).toBe(401)
    }
    expect((await login(user.email, user.password, from)).status).toBe(200)
    // Counting starts again: four more typos are still not a lock.
    for (let attempt = 0; attempt < FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS - 1; attempt++) {
      expect((await login(user.email, `typo-again-${attempt}`, from)).status).toBe(401)
    }
    expect((await login(user.email, `one-typo-too-many`, from)).status).toBe(401)
    expect((await login(user.email, user.password, from)).status).toBe(429)
    expect((await api('/users/unlock', { method: 'POST', token: adminToken, body: JSON.stringify({ email: user.email }) })).status).toBe(200)
    expect((await login(user.email, user.password, from)).status).toBe(200)
  })

  it('holds over GraphQL too', async () => {
    const user = await account('graphql')
    const from = nextAddress()
    const query = (password: string) => ({ query: `mutation { loginUser(email: "${user.email}", password: "${password}") { token } }` })
    for (let attempt = 0; attempt < FAILED_LOGINS_PER_ACCOUNT_AND_ADDRESS; attempt++) {
      await postJson(baseUrl(), '/api/graphql', query(`wrong-${attempt}`), from)
    }
    const refused = await postJson(baseUrl(), '/api/graphql', query(user.password), from)
    expect(refused.json().data?.loginUser?.token ?? null).toBeNull()
    expect(JSON.stringify(refused.json().errors)).toMatch(/Too many failed logins/)
  })
})

describe('forgot password', () => {
  const forgot = (email: string, from: string) => postJson(baseUrl(), '/api/users/forgot-password', { email }, from)

  it('answers the same for an account and for no account', async () => {
    const real = await account('forgetful')
    const [first, second] = [nextAddress(), nextAddress()]
    const forReal = await forgot(real.email, first)
    const forNobody = await forgot(`${RUN}-no-account@example.com`, second)
    expect(forReal.status).toBe(200)
    expect(forNobody.status).toBe(200)
    expect(forReal.body).toBe(forNobody.body)
  })

  it(`lets one address ask ${RESET_REQUESTS_PER_ADDRESS} times, then answers 429 with Retry-After`, async () => {
    const from = nextAddress()
    for (let attempt = 0; attempt < RESET_REQUESTS_PER_ADDRESS; attempt++) {
      expect((await forgot(`${RUN}-reset-${attempt}@example.com`, from)).status).toBe(200)
    }
    const refused = await forgot(`${RUN}-reset-last@example.com`, from)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(message(refused)).toMatch(/^Too many password reset requests from your network/)
  })
})
