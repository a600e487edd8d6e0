import { fieldErrorMap, formFields } from '../../lib/inquiries/formState'
import { clientAddress, InquiryRateLimiter, SlidingWindowLimiter } from '../../lib/inquiries/rateLimit'
import { MESSAGE_MAX_LENGTH, MESSAGES, parseInquiry } from '../../lib/inquiries/schema'

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

describe('sliding-window rate limit', () => {
  const MINUTE = 60_000

  it('allows `limit` hits per window, then says how long until the oldest leaves it', () => {
    const limiter = new SlidingWindowLimiter(3, 10 * MINUTE)
    expect([0, 1, 2].map((minute) => limiter.hit('a', minute * MINUTE).allowed)).toEqual([true, true, true])
    expect(limiter.hit('a', 4 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 6 * 60 })
    expect(limiter.hit('b', 4 * MINUTE).allowed).toBe(true)
    // Sliding: at minute 10 the first hit has left the window, the other two have not.
    expect(limiter.hit('a', 10 * MINUTE + 1).allowed).toBe(true)
    expect(limiter.hit('a', 10 * MINUTE + 2).allowed).toBe(false)
    expect(limiter.hit('a', 11 * MINUTE + 1).allowed).toBe(true)
  })

  it('does not count refused hits, so a client that keeps trying is not locked out for ever', () => {
    const limiter = new SlidingWindowLimiter(1, MINUTE)
    limiter.hit('a', 0)
    for (let second = 1; second < 60; second++) expect(limiter.hit('a', second * 1000).allowed).toBe(false)
    expect(limiter.hit('a', MINUTE).allowed).toBe(true)
  })

  it('keeps memory bounded: expired keys go first, then the least recently used', () => {
    const limiter = new SlidingWindowLimiter(2, MINUTE, 100)
    for (let key = 0; key < 1000; key++) limiter.hit(`k${key}`, key)
    expect(limiter.size).toBeLessThanOrEqual(100)
    expect(limiter.hit('k999', 1000).allowed).toBe(true)
    expect(limiter.hit('k999', 1001).allowed).toBe(false)
  })

  it('caps the whole site too, whatever addresses the clients claim', () => {
    const limiter = new InquiryRateLimiter({ perClient: 2, perSite: 5, windowMs: MINUTE })
    const decisions = Array.from({ length: 7 }, (_, index) => limiter.hit(`client-${index}`, index))
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true, false, false])
    // A refused site-wide hit counts against nobody: the client's own window is untouched.
    expect(limiter.perClient.retryAfterSeconds('client-5', 10)).toBe(0)
  })
})

describe('client address', () => {
  it('is the last X-Forwarded-For entry: the one the server or its proxy wrote', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '127.0.0.1' }))).toBe('127.0.0.1')
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4, 10.0.0.1 , 203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientAddress(new Headers())).toBe('unknown')
  })
})
