import net from 'node:net'

export type SunkMessage = { from: string; to: string[]; data: string }

/** The message as a person reads it: quoted-printable soft breaks and escapes undone. */
export const readable = (message: SunkMessage) =>
  message.data.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

/**
 * A tiny SMTP server for tests (nodemailer has no server side): speaks just enough of RFC 5321
 * for a client without TLS or AUTH, keeps what it receives, and can refuse the next message to
 * play a mail server that is having a bad day.
 */
export async function startSmtpSink() {
  const messages: SunkMessage[] = []
  const waiters: Array<() => void> = []
  let refuseNext = false
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    let buffer = ''
    let envelope: SunkMessage = { from: '', to: [], data: '' }
    let inData = false
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 sink.test ESMTP')
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      for (let end = buffer.indexOf('\r\n'); end !== -1; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (inData) {
          if (line !== '.') envelope.data += `${line.startsWith('..') ? line.slice(1) : line}\n`
          else {
            inData = false
            messages.push(envelope)
            waiters.splice(0).forEach((wake) => wake())
            reply('250 2.0.0 queued')
          }
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') reply('250 sink.test')
        else if (verb === 'MAIL') {
          if (refuseNext) {
            refuseNext = false
            reply('451 4.3.0 sink refuses this one')
          } else {
            envelope = { from: line.slice(10).trim(), to: [], data: '' }
            reply('250 2.1.0 OK')
          }
        } else if (verb === 'RCPT') {
          envelope.to.push(line.slice(8).trim())
          reply('250 2.1.5 OK')
        } else if (verb === 'DATA') {
          inData = true
          reply('354 end with <CRLF>.<CRLF>')
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 bye')
          socket.end()
        } else if (line.toUpperCase() === 'STARTTLS') reply('502 5.5.1 STARTTLS not offered here')
        else reply('250 OK') // RSET, NOOP
      }
    })
    socket.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    messages,
    refuseNextMessage: () => {
      refuseNext = true
    },
    /** Resolves once `count` messages have arrived; rejects after `timeoutMs`. */
    async waitForMessages(count: number, timeoutMs = 10_000): Promise<SunkMessage[]> {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
      return messages.slice(0, count)
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy())
        server.close(() => resolve())
      }),
  }
}
