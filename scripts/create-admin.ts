/**
 * `npm run create-admin`: creates an admin account, for a new site before anyone else reaches
 * /admin, or another admin later. Asks for the e-mail and password at a terminal, or reads
 * ADMIN_EMAIL and ADMIN_PASSWORD (for scripts and containers). Checks its own work: the new
 * account must log in with that password and be an admin.
 */
import { createInterface } from 'node:readline/promises'
import { Writable } from 'node:stream'

process.env.SEED = 'false' // creating an account must not import content as a side effect
// Read here, not at start-up: onInit would otherwise create the account itself, unasked.
const fromEnv = { email: process.env.ADMIN_EMAIL?.trim(), password: process.env.ADMIN_PASSWORD }
delete process.env.ADMIN_EMAIL
delete process.env.ADMIN_PASSWORD

const { ADMIN_PASSWORD_MIN_LENGTH } = await import('../lib/config/env')

async function ask(): Promise<{ email: string; password: string }> {
  if (fromEnv.email && fromEnv.password) return { email: fromEnv.email, password: fromEnv.password }
  if (!process.stdin.isTTY) {
    throw new Error('Set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run create-admin` at a terminal to be asked for them.')
  }
  // The password is typed without being shown: the prompt writes through, the answer does not.
  let muted = false
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk)
      done()
    },
  })
  const terminal = createInterface({ input: process.stdin, output, terminal: true })
  try {
    const email = fromEnv.email || (await terminal.question('E-mail of the new admin: ')).trim()
    process.stdout.write(`Password (at least ${ADMIN_PASSWORD_MIN_LENGTH} characters, not shown): `)
    muted = true
    const password = await terminal.question('')
    muted = false
    process.stdout.write('\n')
    return { email, password }
  } finally {
    terminal.close()
  }
}

let exitCode = 0
let payload: import('payload').Payload | undefined
try {
  const { email, password } = await ask()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`"${email}" is not an e-mail address.`)
  if (password.length < ADMIN_PASSWORD_MIN_LENGTH) throw new Error(`The password must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters.`)

  const { startPayload } = await import('./startPayload')
  const { createAdmin } = await import('../lib/auth/firstAdmin')
  const { USERS } = await import('../lib/collections')
  payload = await startPayload()
  await createAdmin(payload, { email, password })
  // The CLI has been seen to exit 0 having done nothing: check the effect, not the exit.
  const { user } = await payload.login({ collection: USERS, data: { email, password } })
  if (user?.role !== 'admin') throw new Error(`The account was created but is not an admin (role: ${String(user?.role)}).`)
  console.log(`Admin created: ${user.email}. Log in at /admin.`)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  exitCode = 1
} finally {
  await payload?.destroy()
}
process.exit(exitCode)

export {}
