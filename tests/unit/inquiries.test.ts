import { fieldErrorMap, formFields } from '@/lib/inquiries/formState'
import { InquiryRateLimiter } from '@/lib/inquiries/rateLimit'
import { MemoryHitStore } from '@/lib/limits/store'
import { MESSAGE_MAX_LENGTH, MESSAGES, parseInquiry } from '@/lib/inquiries/schema'

const GOOD = { name: 'Maria', email: 'maria@example.com', message: 'I would like to book a massage.', consent: true }

const errorsOf = (input: unknown) => {
  const result = parseInquiry(input)
  if (result.success) throw new Error('expected the submission to be refused')
  return Object.fromEntries(result.errors.map((error) => [error.path, error.message]))
}

describe('inquiry schema', () => {
  it('accepts a JSON submission and a form post alike, trimming and filling defaults', () => {
    const json = parseInquiry({ ...GOOD, name: '  Maria  ' })
    const form = parseInquiry({ ...GOOD, consent: 'on', phone: '', preferredTime: '', website: '' })
    for (const result of [json, form]) {
      expect(result).toEqual({
        success: true,
        honeypotFilled: false,
        data: { name: 'Maria', email: 'maria@example.com', preferredTime: 'any', message: GOOD.message, consent: true },
      })
    }
  })

  it('drops fields a visitor may not set, and a source path that is not a site path', () => {
    const result = parseInquiry({ ...GOOD, status: 'closed', id: 'x', sourcePath: '//evil.example/x' })
    expect(result.success && result.data).toEqual({ ...GOOD, preferredTime: 'any', sourcePath: undefined })
    const kept = parseInquiry({ ...GOOD, sourcePath: '/blog/a-post' })
    expect(kept.success && kept.data.sourcePath).toBe('/blog/a-post')
  })

  it('gives each bad field a message a visitor understands', () => {
    expect(errorsOf({})).toEqual({
      name: MESSAGES.name,
      email: MESSAGES.email,
      message: MESSAGES.message,
      consent: MESSAGES.consent,
    })
    expect(
      errorsOf({ name: 'x'.repeat(121), email: 'maria@example', phone: '12', preferredTime: 'noon', message: 'Hello', consent: 'off' }),
    ).toEqual({
      name: MESSAGES.nameTooLong,
      email: MESSAGES.emailInvalid,
      phone: MESSAGES.phone,
      preferredTime: MESSAGES.preferredTime,
      message: MESSAGES.messageTooShort,
      consent: MESSAGES.consent,
    })
    expect(errorsOf({ ...GOOD, message: 'y'.repeat(MESSAGE_MAX_LENGTH + 1) }).message).toBe(
      'Your message is 5,001 characters long; please shorten it to 5,000 or fewer.',
    )
    expect(errorsOf({ ...GOOD, phone: '1'.repeat(41) }).phone).toBe(MESSAGES.phoneTooLong)
  })

  it('counts length after trimming: spaces do not make a message long enough', () => {
    expect(errorsOf({ ...GOOD, message: `   short${' '.repeat(20)}` }).message).toBe(MESSAGES.messageTooShort)
    expect(parseInquiry({ ...GOOD, message: `${'z'.repeat(MESSAGE_MAX_LENGTH)}   ` }).success).toBe(true)
  })

  it('accepts phone numbers written the ways people write them', () => {
    for (const phone of ['+44 20 7946 0958', '(555) 010-2030', '555.010.2030', '0171/123456']) {
      expect(parseInquiry({ ...GOOD, phone }).success).toBe(true)
    }
  })

  it('answers a body that is not a form at all with one message, never a crash', () => {
    for (const body of [null, 'text', 42, ['a']]) expect(errorsOf(body)).toEqual({ form: MESSAGES.form })
  })

  it('flags a filled honeypot, still parsing the rest', () => {
    expect(parseInquiry({ ...GOOD, website: 'http://spam.example' })).toMatchObject({ success: true, honeypotFilled: true })
    expect(parseInquiry({ ...GOOD, website: '   ' })).toMatchObject({ success: true, honeypotFilled: false })
    expect(parseInquiry({ ...GOOD, website: 1 })).toMatchObject({ success: true, honeypotFilled: true })
  })
})

describe('contact form state helpers', () => {
  it('reads only the form fields, as text', () => {
    const form = new FormData()
    form.set('name', 'Maria')
    form.set('consent', 'on')
    form.set('status', 'closed')
    form.set('message', new Blob(['a file']))
    expect(formFields(form)).toMatchObject({ name: 'Maria', consent: 'on', message: '', email: '', website: '' })
    expect(formFields(form)).not.toHaveProperty('status')
  })

  it('splits field messages from messages about the whole form', () => {
    expect(fieldErrorMap([{ path: 'email', message: 'bad email' }, { path: 'form', message: 'Please fill in the form.' }])).toEqual({
      errors: { email: 'bad email' },
      message: 'Please fill in the form.',
    })
  })
})

describe('inquiry pacing', () => {
  const MINUTE = 60_000
  const limiter = () => {
    let now = 0
    const store = new MemoryHitStore(1000, () => now)
    const pacing = new InquiryRateLimiter({ perClient: 2, perSite: 5, windowMs: MINUTE, store: () => store })
    return { admit: (client: string, at: number) => pacing.admit(client, (now = at)), pacing }
  }

  it('lets one client send `perClient` messages per window, then says when it may send again', async () => {
    const { admit } = limiter()
    expect(await admit('203.0.113.1', 0)).toEqual({ allowed: true, held: false })
    expect(await admit('203.0.113.1', 10_000)).toEqual({ allowed: true, held: false })
    expect(await admit('203.0.113.1', 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 })
    expect(await admit('203.0.113.2', 20_000)).toEqual({ allowed: true, held: false })
  })

  it('past the site-wide cap, holds messages for review instead of refusing them', async () => {
    const { admit } = limiter()
    const decisions = []
    for (let client = 0; client < 8; client++) decisions.push(await admit(`198.51.100.${client}`, client))
    expect(decisions.map((decision) => (decision.allowed ? (decision.held ? 'held' : 'new') : 'refused'))).toEqual([
      'new', 'new', 'new', 'new', 'new', 'held', 'held', 'held',
    ])
    // Held messages do not keep the cap shut: once the window has passed, messages are new again.
    expect(await admit('198.51.100.99', MINUTE + 10)).toEqual({ allowed: true, held: false })
  })

  it('counts an IPv6 client by its /64, so it cannot start afresh with each of its addresses', async () => {
    const { admit } = limiter()
    expect((await admit('2001:db8:1:2::1', 0)).allowed).toBe(true)
    expect((await admit('2001:db8:1:2::2', 1)).allowed).toBe(true)
    expect((await admit('2001:db8:1:2:ffff::3', 2)).allowed).toBe(false)
    expect((await admit('2001:db8:1:3::1', 3)).allowed).toBe(true)
  })
})
