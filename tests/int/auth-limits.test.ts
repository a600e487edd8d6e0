import type { Payload } from 'payload'

import { passwordMatches } from '@/lib/auth/password'
import { readable, startSmtpSink } from '@/tests/smtpSink'
import { bootPayload, forgetSmtpSinkEnv, shutdown, smtpSinkEnv, temporarySqlite, type TestDatabase } from './helpers'

/**
 * Logins and password resets through Payload itself, on a real SQLite file, with e-mail over real
 * SMTP to a sink on loopback: the login hook's own password check agrees with the hashes Payload
 * writes, and a reset request from a visitor (`overrideAccess: false`, as REST and GraphQL call
 * it) sends at most one working link per account every few minutes, and none for an e-mail
 * without an account, while every request gets the same answer.
 */
const USER = { email: 'janet@example.com', password: 'a-long-test-password-for-janet' }

let db: TestDatabase
let payload: Payload
let sink: Awaited<ReturnType<typeof startSmtpSink>>
let clients = 0

/** A visitor's request: outside the HTTP server, the caller's X-Forwarded-For names the client. */
const visitor = () => ({ overrideAccess: false, req: { headers: new Headers({ 'x-forwarded-for': `198.51.100.${++clients}` }) } })

beforeAll(async () => {
  sink = await startSmtpSink()
  db = temporarySqlite()
  payload = await bootPayload(db, smtpSinkEnv(sink.port))
  await payload.create({ collection: 'users', data: { ...USER, role: 'admin' } })
})

afterAll(async () => {
  await shutdown(payload, db)
  await sink?.close()
  forgetSmtpSinkEnv()
})

describe('the login hook’s password check', () => {
  it('agrees with the hashes Payload writes', async () => {
    const stored = await payload.db.findOne<{ id: string; hash?: string; salt?: string }>({ collection: 'users', where: { email: { equals: USER.email } } })
    // The format the check and the stand-in for unknown e-mails are built for (lib/auth/password.ts).
    expect(stored?.hash).toMatch(/^pbkdf2-sha256-v1:[0-9a-f]{64}$/)
    expect(await passwordMatches(USER.password, stored)).toBe(true)
    expect(await passwordMatches(`${USER.password}x`, stored)).toBe(false)
    expect(await passwordMatches(USER.password, null)).toBe(false)
  })

  it('lets the right password through to Payload’s own login, and answers a wrong one as Payload does', async () => {
    const ok = await payload.login({ collection: 'users', data: USER, ...visitor() })
    expect(ok.user?.email).toBe(USER.email)
    for (const email of [USER.email, 'nobody@example.com']) {
      await expect(payload.login({ collection: 'users', data: { email, password: 'wrong-password' }, ...visitor() })).rejects.toMatchObject({
        status: 401,
        message: 'The email or password provided is incorrect.',
      })
    }
  })
})

describe('password reset requests', () => {
  const forgot = (email: string) => payload.forgotPassword({ collection: 'users', data: { email }, ...visitor() }).then(() => null, (error: unknown) => error)

  it('get one answer whatever the e-mail, and send one working link, to an account only', async () => {
    const answers = [await forgot(USER.email), await forgot('nobody@example.com'), await forgot(USER.email)]
    for (const answer of answers) expect(answer).toMatchObject({ name: 'PasswordResetRequestTaken' })

    const [mail] = await sink.waitForMessages(1)
    expect(mail.to).toEqual([`<${USER.email}>`])
    const text = readable(mail)
    const link = /https?:\/\/\S+\/admin\/reset\/([0-9a-f]+)/.exec(text)
    expect(link?.[0]).toMatch(new RegExp(`^${process.env.SITE_URL ?? 'http://localhost:3000'}/admin/reset/`))

    // The third request (the same account, minutes later at most) sent nothing and left the
    // link of the first one working.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(sink.messages).toHaveLength(1)
    const reset = await payload.resetPassword({ collection: 'users', data: { token: link?.[1] as string, password: 'a-brand-new-password-42' }, overrideAccess: true })
    expect(reset.user?.email ?? (reset as { user?: { email?: string } }).user?.email).toBe(USER.email)
    const relogin = await payload.login({ collection: 'users', data: { email: USER.email, password: 'a-brand-new-password-42' }, ...visitor() })
    expect(relogin.user?.email).toBe(USER.email)
  })
})
