import { createRequire } from 'node:module'

import { smtpTransportOptions } from '@/lib/config/email'
import { startSmtpSink } from '@/tests/smtpSink'

type Transport = { sendMail(message: Record<string, string>): Promise<unknown> }
// Payload's e-mail adapter's own nodemailer (no types of its own here).
const nodemailer = createRequire(import.meta.url)('nodemailer') as { createTransport(options: object): Transport }

/**
 * The site's SMTP connection never sends a login or a message in clear text to a mail server
 * elsewhere: on any port but 465 (TLS from the first byte) it insists on STARTTLS. Shown against
 * a real server that offers no STARTTLS (the test sink), with the options the site would use for
 * a remote host.
 */
describe('SMTP transport options', () => {
  it('insist on TLS for a remote server, on every port', () => {
    expect(smtpTransportOptions({ SMTP_HOST: 'smtp.example.com' })).toMatchObject({ port: 587, secure: false, requireTLS: true })
    expect(smtpTransportOptions({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: 25 })).toMatchObject({ secure: false, requireTLS: true })
    expect(smtpTransportOptions({ SMTP_HOST: 'smtp.example.com', SMTP_PORT: 465 })).toMatchObject({ secure: true })
  })

  it('let a relay on this very machine speak plain SMTP', () => {
    for (const host of ['localhost', '127.0.0.1', '::1']) expect(smtpTransportOptions({ SMTP_HOST: host }).requireTLS).toBe(false)
  })

  it('make a send to a server without STARTTLS fail, with nothing delivered', async () => {
    const sink = await startSmtpSink()
    try {
      const remote = smtpTransportOptions({ SMTP_HOST: 'smtp.example.com', SMTP_USER: 'janet', SMTP_PASS: 'secret-password' })
      // The same options, pointed at the sink (which speaks no TLS) instead of the remote host.
      const transport = nodemailer.createTransport({ ...remote, host: '127.0.0.1', port: sink.port })
      await expect(transport.sendMail({ from: 'site@example.com', to: 'janet@example.com', subject: 'x', text: 'x' })).rejects.toThrow(/STARTTLS/i)
      expect(sink.messages).toEqual([])
    } finally {
      await sink.close()
    }
  })
})
