import { z } from 'zod'

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
    PORT: z.coerce
      .number({ error: 'expected a port number' })
      .int('expected a whole number')
      .min(1, 'expected a port between 1 and 65535')
      .max(65535, 'expected a port between 1 and 65535')
      .default(3000),
    /** `SEED=false` stops the first start from importing the therapist's first article. */
    SEED: booleanFlag(true),
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
