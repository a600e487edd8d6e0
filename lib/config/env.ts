import { z } from 'zod'

import { isAddressOrBlock } from '../runtime/clientAddress'
import { chooseDatabase, DATABASE_URI_EXPECTED, isSupportedDatabaseUri } from './database'

/** Empty strings in `.env` files mean "not set", not "set to nothing". */
const optionalString = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().optional(),
)

const booleanFlag = (fallback: boolean) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
      .optional()
      .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes'].includes(value))),
  )

export const PAYLOAD_SECRET_MIN_LENGTH = 32
export const ADMIN_PASSWORD_MIN_LENGTH = 12

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Set by `next build`; nothing is signed while building, so the secret may be absent then. */
    NEXT_PHASE: optionalString,
    DATABASE_URI: optionalString.refine(isSupportedDatabaseUri, { error: `expected ${DATABASE_URI_EXPECTED}` }),
    PAYLOAD_SECRET: optionalString.refine((v) => v === undefined || v.length >= PAYLOAD_SECRET_MIN_LENGTH, {
      error: `must be at least ${PAYLOAD_SECRET_MIN_LENGTH} characters (try: openssl rand -hex 32)`,
    }),
    SITE_URL: optionalString
      .default('http://localhost:3000')
      .pipe(z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as https://example.com' }))
      .transform((url) => url.replace(/\/+$/, '')),
    /**
     * Origins besides SITE_URL from which a browser may use a login (CSRF) and call the API (CORS),
     * comma-separated: a staging address, or the test server reached as http://127.0.0.1:<port>.
     */
    TRUSTED_ORIGINS: optionalString
      .default('')
      .transform((list) => list.split(',').map((origin) => origin.trim()).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/, error: 'expected comma-separated http(s) origins such as https://staging.example.com' }))
        .transform((urls) => urls.map((url) => new URL(url).origin))),
    /**
     * Proxies whose X-Forwarded-For is believed (lib/runtime/clientAddress.ts): IP addresses or CIDR blocks,
     * comma- or space-separated. Unset: every client is the connection's own address.
     */
    TRUSTED_PROXIES: optionalString
      .default('')
      .transform((list) => list.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().refine(isAddressOrBlock, { error: (issue) => `${String(issue.input)} is not an IP address or CIDR block (such as 172.16.0.0/12)` }))),
    PORT: z.coerce
      .number({ error: 'expected a port number' })
      .int('expected a whole number')
      .min(1, 'expected a port between 1 and 65535')
      .max(65535, 'expected a port between 1 and 65535')
      .default(3000),
    /**
     * How the server writes its log: `json` (one JSON object per line, for `docker logs` and log
     * collectors; the default in production) or `pretty` (coloured, for a person at a terminal;
     * the default otherwise). See lib/runtime/logging.ts.
     */
    LOG_FORMAT: optionalString
      .transform((value) => value?.toLowerCase())
      .pipe(z.enum(['json', 'pretty'], { error: 'expected json or pretty' }).optional()),
    /** `SEED=false` stops the first start from importing the therapist's first article. */
    SEED: booleanFlag(true),
    /** Optional e-mail (inquiry notifications, password resets) over SMTP; see lib/config/email.ts (port 587 unless set). */
    SMTP_HOST: optionalString,
    SMTP_PORT: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z.coerce
        .number({ error: 'expected a port number' })
        .int('expected a whole number')
        .min(1, 'expected a port between 1 and 65535')
        .max(65535, 'expected a port between 1 and 65535')
        .optional(),
    ),
    SMTP_USER: optionalString,
    SMTP_PASS: optionalString,
    SMTP_FROM: optionalString.pipe(z.email({ error: 'expected an e-mail address such as hello@example.com' }).optional()),
    /** Who is told about each new inquiry. */
    NOTIFY_EMAIL: optionalString.pipe(z.email({ error: 'expected an e-mail address such as janet@example.com' }).optional()),
    /** The first admin, created at start when the database has no user yet (lib/auth/firstAdmin.ts). */
    ADMIN_EMAIL: optionalString.pipe(z.email({ error: 'expected an e-mail address such as janet@example.com' }).optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(ADMIN_PASSWORD_MIN_LENGTH, `must be at least ${ADMIN_PASSWORD_MIN_LENGTH} characters`).optional()),
    /**
     * Redis shared by several app instances: Next's cache and its purges, the rate-limit counters
     * and the job runner's turn (README "Running several instances"). Unset: all in this process.
     */
    REDIS_URL: optionalString.pipe(
      z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL such as redis://redis:6379' }).optional(),
    ),
    /** Uploaded media in an S3-compatible bucket instead of data/media (lib/storage/s3.ts). */
    S3_BUCKET: optionalString,
    /** The S3 API's address when not AWS itself (MinIO, R2, Spaces…). */
    S3_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://s3.example.com' }).optional()),
    /** The bucket's region (default us-east-1, which S3-compatible servers accept). */
    S3_REGION: optionalString,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** `true` for servers that address buckets as a path (`/bucket/key`), as MinIO does. */
    S3_FORCE_PATH_STYLE: booleanFlag(false),
  })
  .superRefine((env, ctx) => {
    const building = env.NEXT_PHASE === 'phase-production-build'
    const mongodb = isSupportedDatabaseUri(env.DATABASE_URI) && chooseDatabase(env.DATABASE_URI).adapter === 'mongodb'
    // The embedded SQLite default keeps a generated secret in data/, beside the database it
    // protects. A MongoDB deployment has stateless app containers: a generated secret would change
    // on every restart and log everyone out, so production there must be given one.
    if (env.NODE_ENV === 'production' && mongodb && !env.PAYLOAD_SECRET && !building) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: 'is required in production with MongoDB: set it to a random string of 32+ characters (openssl rand -hex 32)',
      })
    }
    // The first admin needs both, or neither.
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      const missing = env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'
      ctx.addIssue({ code: 'custom', path: [missing], message: `is required with ${missing === 'ADMIN_EMAIL' ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}` })
    }
    // S3 settings mean nothing without a bucket, and keys come in pairs.
    if (!env.S3_BUCKET) {
      for (const name of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'has no effect without S3_BUCKET: set S3_BUCKET too, or remove it' })
      }
    } else if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      const missing = env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'
      ctx.addIssue({ code: 'custom', path: [missing], message: `is required with ${missing === 'S3_ACCESS_KEY_ID' ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'}` })
    }
    // SMTP settings work together: a host needs a sender and a recipient, and the rest need a host.
    if (env.SMTP_HOST) {
      for (const name of ['SMTP_FROM', 'NOTIFY_EMAIL'] as const) {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when SMTP_HOST is set' })
      }
      if (env.SMTP_USER && !env.SMTP_PASS) ctx.addIssue({ code: 'custom', path: ['SMTP_PASS'], message: 'is required when SMTP_USER is set' })
    } else {
      for (const name of ['SMTP_USER', 'SMTP_PASS', 'SMTP_FROM', 'NOTIFY_EMAIL'] as const) {
        if (env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'has no effect without SMTP_HOST: set SMTP_HOST too, or remove it' })
      }
    }
  })

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`)
    this.name = 'EnvError'
  }
}

/** Parses an environment (default `process.env`), naming every bad variable and what it expects. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (result.success) return result.data
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
  )
}

export const env: Env = parseEnv()
