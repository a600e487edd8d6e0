import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { INQUIRIES_PER_CLIENT } from '@/lib/inquiries/rateLimit'
import type { User } from '@/payload-types'
import { readable, startSmtpSink } from '@/tests/smtpSink'
import { bootPayload, forgetSmtpSinkEnv, shutdown, smtpSinkEnv, temporarySqlite, type TestDatabase } from './helpers'

/**
 * The inquiries hook through the Local API, on a real SQLite file, acting as a visitor does
 * (`overrideAccess: false`, the request's X-Forwarded-For), with e-mail sent over real SMTP to a
 * sink on loopback: validation with per-field messages, what is stored, the honeypot, the rate
 * limit, trusted writes, and notifications that never cost an inquiry.
 */

let db: TestDatabase
let payload: Payload
let sink: Awaited<ReturnType<typeof startSmtpSink>>
let staff: User
let clients = 0

/** A visitor's request: a fresh address each, so tests never share a rate-limit window by accident. */
const visitor = (address = `198.51.100.${++clients}`) => ({
  overrideAccess: false,
  req: { headers: new Headers({ 'x-forwarded-for': address }) },
})

const GOOD = {
  name: '  Maria Lopez ',
  email: 'maria@example.com',
  phone: '+1 (555) 010-2030',
  preferredTime: 'evening',
  message: '  I have had lower back pain since spring and would like to book a first massage.  ',
  consent: 'on',
  sourcePath: '/blog/massage-therapy-benefits-on-immune-function',
}

const createAs = (data: Record<string, unknown>, as = visitor()) =>
  payload.create({ collection: 'inquiries', data: data as never, ...as })

const countByEmail = async (email: string) =>
  (await payload.count({ collection: 'inquiries', where: { email: { equals: email } } })).totalDocs

beforeAll(async () => {
  sink = await startSmtpSink()
  db = temporarySqlite()
  payload = await bootPayload(db, smtpSinkEnv(sink.port))
  staff = await payload.create({ collection: 'users', data: { email: 'staff@example.com', password: 'a-long-test-password', role: 'editor' } })
})

afterAll(async () => {
  await shutdown(payload, db)
  await sink?.close()
  forgetSmtpSinkEnv()
})

it('refuses bad input with a ValidationError naming each field, in form order, and stores nothing', async () => {
  const error = await createAs({ name: ' ', email: 'maria@', phone: 'call me', preferredTime: 'midnight', message: 'Hi', website: '' }).then(
    () => null,
    (thrown: unknown) => thrown,
  )
  expect(error).toMatchObject({ status: 400 })
  const errors = (error as { data: { errors: Array<{ path: string; message: string }> } }).data.errors
  expect(errors).toEqual([
    { path: 'name', message: 'Please enter your name.' },
    { path: 'email', message: 'Please enter a valid email address, like name@example.com.' },
    { path: 'phone', message: expect.stringMatching(/^Please enter a phone number using digits/) },
    { path: 'preferredTime', message: 'Please choose a preferred time from the list.' },
    { path: 'message', message: expect.stringMatching(/at least 10 characters/) },
    { path: 'consent', message: expect.stringMatching(/^Please tick the box/) },
  ])
  expect((await payload.count({ collection: 'inquiries' })).totalDocs).toBe(0)
})

it('stores a good submission as the schema made it, and e-mails NOTIFY_EMAIL about it', async () => {
  const doc = await createAs({ ...GOOD, status: 'closed', website: '' })
  expect(doc).toMatchObject({
    name: 'Maria Lopez',
    email: 'maria@example.com',
    phone: '+1 (555) 010-2030',
    preferredTime: 'evening',
    message: 'I have had lower back pain since spring and would like to book a first massage.',
    consent: true,
    sourcePath: GOOD.sourcePath,
    // A visitor cannot file their own message as handled.
    status: 'new',
  })
  const stored = await payload.findByID({ collection: 'inquiries', id: doc.id })
  expect(stored.message).toBe(doc.message)

  const [mail] = await sink.waitForMessages(1)
  expect(mail.from).toContain('website@wellpress.test')
  expect(mail.to).toEqual(['<janet@wellpress.test>'])
  expect(mail.data).toMatch(/^Subject: New inquiry from Maria Lopez$/m)
  expect(mail.data).toMatch(/^Reply-To: maria@example.com$/m)
  expect(readable(mail)).toContain('I have had lower back pain since spring and would like to book a first massage.')
  expect(readable(mail)).toContain(`/admin/collections/inquiries/${doc.id}`)
})

it('drops a filled honeypot: nothing stored, nothing sent (callers answer it as success)', async () => {
  const email = 'bot@example.com'
  await expect(createAs({ ...GOOD, email, website: 'https://spam.example' })).rejects.toMatchObject({ name: 'InquiryHoneypotCaught' })
  expect(await countByEmail(email)).toBe(0)
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(sink.messages.filter((message) => message.data.includes(email))).toEqual([])
})

it(`allows ${INQUIRIES_PER_CLIENT} submissions per address in the window, then 429; others and staff go on`, async () => {
  const address = '203.0.113.77'
  const email = 'busy@example.com'
  for (let sent = 0; sent < INQUIRIES_PER_CLIENT; sent++) await createAs({ ...GOOD, email }, visitor(address))
  await expect(createAs({ ...GOOD, email }, visitor(address))).rejects.toMatchObject({
    status: 429,
    name: 'InquiryRateLimited',
    message: expect.stringMatching(/Please try again in 10 minutes\.$/),
  })
  expect(await countByEmail(email)).toBe(INQUIRIES_PER_CLIENT)
  // Only the last X-Forwarded-For entry counts: a claimed address in front changes nothing.
  await expect(createAs({ ...GOOD, email }, visitor(`10.0.0.1, ${address}`))).rejects.toMatchObject({ status: 429 })
  // Invalid submissions never count, and say what is wrong even when the limit is reached.
  await expect(createAs({ ...GOOD, email: 'nope' }, visitor(address))).rejects.toMatchObject({ status: 400 })
  await createAs({ ...GOOD, email }, visitor('203.0.113.78'))
  await createAs({ ...GOOD, email }, { overrideAccess: false, req: { headers: new Headers({ 'x-forwarded-for': address }) }, user: staff } as never)
  expect(await countByEmail(email)).toBe(INQUIRIES_PER_CLIENT + 2)
})

it('logs a burst of refusals once, not once per refused post', async () => {
  const address = '203.0.113.90'
  for (let sent = 0; sent < INQUIRIES_PER_CLIENT; sent++) await createAs({ ...GOOD, email: 'burst@example.com' }, visitor(address))
  const warned = jest.spyOn(payload.logger, 'warn')
  try {
    for (let refused = 0; refused < 25; refused++) {
      await expect(createAs({ ...GOOD, email: 'burst@example.com' }, visitor(address))).rejects.toMatchObject({ status: 429 })
    }
    const refusalLines = warned.mock.calls.filter(([entry]) => JSON.stringify(entry).includes('rate limit reached'))
    // At most one: an earlier test in this file may already have logged this minute's line.
    expect(refusalLines.length).toBeLessThanOrEqual(1)
  } finally {
    warned.mockRestore()
  }
})

it('applies the same schema to logged-in staff (they may set a status), and skips it for trusted writes', async () => {
  await expect(createAs({ ...GOOD, message: 'short' }, { ...visitor(), user: staff } as never)).rejects.toMatchObject({ status: 400 })
  const byStaff = await createAs({ ...GOOD, email: 'walk-in@example.com', status: 'replied' }, { ...visitor(), user: staff } as never)
  expect(byStaff.status).toBe('replied')

  // A backup import writes with access overridden: the stored record comes back as it was.
  const restored = await payload.create({
    collection: 'inquiries',
    data: { name: 'Old Client', email: 'old@example.com', message: 'Short.', consent: true, status: 'closed' },
  })
  expect(restored).toMatchObject({ message: 'Short.', status: 'closed' })
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(sink.messages.filter((message) => message.data.includes('old@example.com'))).toEqual([])
})

it('keeps the inquiry when the mail server refuses the notification, and logs the failure', async () => {
  const logged = jest.spyOn(payload.logger, 'error')
  sink.refuseNextMessage()
  const doc = await createAs({ ...GOOD, email: 'stored-anyway@example.com' })
  expect((await payload.findByID({ collection: 'inquiries', id: doc.id })).email).toBe('stored-anyway@example.com')
  const deadline = Date.now() + 10_000
  while (!logged.mock.calls.some(([entry]) => JSON.stringify(entry).includes('notification failed'))) {
    if (Date.now() > deadline) throw new Error('the failed notification was never logged')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  logged.mockRestore()
})

it('never lets an anonymous visitor read an inquiry', async () => {
  await expect(payload.find({ collection: 'inquiries', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
})
