import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const derive = promisify(pbkdf2)

/**
 * Checks a password against a stored Payload hash, the way Payload 3.90's local strategy does
 * (payload/dist/auth/strategies/local/authenticate.js, which Payload does not export): PBKDF2-SHA256,
 * 600,000 rounds and 32 bytes for hashes written since 3.90 (`pbkdf2-sha256-v1:` prefix), 25,000
 * rounds and 512 bytes for older ones. tests/int/login-throttle.test.ts checks it against hashes
 * Payload itself writes, so a change in Payload's format shows there.
 *
 * The login hook (collections/Users/hooks/throttleLogins.ts) checks the password itself, before
 * Payload does, so it knows every failure and can answer an unknown e-mail with the same work.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
const LEGACY = { iterations: 25_000, keyLength: 512 }

/** A salt like Payload's (32 random bytes as hex), for the work done on behalf of nobody. */
const STAND_IN_SALT = randomBytes(32).toString('hex')

type Stored = { hash?: unknown; salt?: unknown } | null | undefined

function parameters(hash: string) {
  return hash.startsWith(CURRENT_PREFIX) ? { ...CURRENT, expected: hash.slice(CURRENT_PREFIX.length) } : { ...LEGACY, expected: hash }
}

/**
 * Whether `password` is the one `stored` (a user's hash and salt) was made from. Without a stored
 * hash (no such user) it still derives a key at the current cost, so a miss takes as long as a
 * wrong password, and answers false.
 */
export async function passwordMatches(password: string, stored: Stored): Promise<boolean> {
  if (typeof stored?.hash !== 'string' || typeof stored.salt !== 'string') {
    await derive(password, STAND_IN_SALT, CURRENT.iterations, CURRENT.keyLength, 'sha256')
    return false
  }
  const { iterations, keyLength, expected } = parameters(stored.hash)
  const derived = await derive(password, stored.salt, iterations, keyLength, 'sha256')
  const expectedBytes = Buffer.from(expected, 'hex')
  return derived.length === expectedBytes.length && timingSafeEqual(derived, expectedBytes)
}
