import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type Payload } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { Authors } from './collections/Authors'
import { Benefits } from './collections/Benefits'
import { Inquiries } from './collections/Inquiries'
import { Media, MEDIA_DIR } from './collections/Media'
import { Practice } from './collections/Practice'
import { validationErrorResponse } from './collections/hooks/validationErrorResponse'
import { redirects } from './collections/Redirects'
import { Services } from './collections/Services'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { capApiLimits } from './collections/hooks/capLimit'
import { cacheEndpoints } from './lib/cache/endpoints'
import { makePrivateDir } from './lib/config/dataDir'
import { chooseDatabase, MONGODB_CONNECT_OPTIONS, SQLITE_BUSY_TIMEOUT_MS, SQLITE_WAL } from './lib/config/database'
import { emailAdapter } from './lib/config/email'
import { env } from './lib/config/env'
import { createFirstAdminFromEnv } from './lib/auth/firstAdmin'
import { takeJobRunnerTurn } from './lib/jobs/runnerTurn'
import { loggingLevels, payloadLogger } from './lib/runtime/logging'
import { MAX_IMAGE_BYTES } from './lib/media/imageType'
import { migrations } from './lib/migrations'
import { LIVE_PREVIEW_BREAKPOINTS, livePreviewUrl } from './lib/paths/preview'
import { resolvePayloadSecret } from './lib/config/secret'
import { seedIfEmpty } from './lib/seed'
import { PUBLIC_PAGE_COLLECTIONS } from './lib/paths/routes'
import { seo } from './lib/seo/plugin'
import { mediaStoragePlugin, s3Settings } from './lib/storage/s3'
import { ADMIN_TITLE_SUFFIX } from './lib/practice/admin'

/** The generic adapter types migrations loosely; these are the SQLite adapter's own. */
type AdapterMigrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

const dirname = path.dirname(fileURLToPath(import.meta.url))
const database = chooseDatabase(env.DATABASE_URI)

function databaseAdapter() {
  if (database.adapter === 'mongodb') return mongooseAdapter({ url: database.url, connectOptions: { ...MONGODB_CONNECT_OPTIONS } })
  makePrivateDir(path.dirname(path.resolve(database.filePath)))
  return sqliteAdapter({
    client: { url: database.url },
    // String ids, as MongoDB has, so one generated payload-types.ts fits both adapters.
    idType: 'uuid',
    // Never push the schema, in any mode: committed migrations are the one way the SQLite schema
    // changes, so a database made by `npm run dev` also works under `npm start` (and the reverse).
    push: false,
    migrationDir: path.resolve(dirname, 'lib/migrations'),
    prodMigrations: migrations,
    // WAL (readers never wait for the writer) and a 5 s wait on a locked file: lib/config/database.ts.
    wal: { ...SQLITE_WAL },
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
  })
}

/**
 * Browsers may use a login cookie (CSRF: Payload ignores the cookie on a request whose Origin is
 * not listed) and read API answers (CORS) only from the public site, any TRUSTED_ORIGINS, and in
 * development the dev server itself however it is addressed.
 */
const trustedOrigins = [
  ...new Set([
    new URL(env.SITE_URL).origin,
    ...env.TRUSTED_ORIGINS,
    ...(env.NODE_ENV === 'development' ? [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`] : []),
  ]),
]

async function onInit(payload: Payload) {
  // Payload would create the uploads folder on the first upload, readable by everyone.
  makePrivateDir(MEDIA_DIR)
  // prodMigrations only runs under NODE_ENV=production; dev and tests migrate the same way here.
  if (database.adapter === 'sqlite' && process.env.NODE_ENV !== 'production') {
    await payload.db.migrate({ migrations: migrations as unknown as AdapterMigrations })
  }
  await createFirstAdminFromEnv(payload, env)
  if (env.SEED) await seedIfEmpty(payload)
}

export default buildConfig({
  // Field messages of a validation error reach REST and the admin's toasts in production builds too.
  hooks: { afterError: [validationErrorResponse] },
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: path.resolve(dirname) },
    meta: {
      // Swapped for "· <her practice> admin" as each admin page renders (lib/practice/admin.ts).
      titleSuffix: ADMIN_TITLE_SUFFIX,
      icons: { icon: [{ url: '/favicon.svg', type: 'image/svg+xml' }] },
    },
    components: {
      graphics: { Logo: '/components/admin/Logo#Logo', Icon: '/components/admin/Icon#Icon' },
      // "Write a new article" and the writer's drafts, above the collection cards.
      beforeDashboard: ['/components/admin/Dashboard#Dashboard'],
    },
    // The site beside the editor, refreshed on every (auto)save; opens /next/preview for the doc.
    livePreview: { collections: [...PUBLIC_PAGE_COLLECTIONS], url: livePreviewUrl, breakpoints: LIVE_PREVIEW_BREAKPOINTS },
  },
  collections: [Articles, Services, Benefits, Authors, Topics, Media, Inquiries, Users],
  globals: [Practice],
  // /api/cache/purge (changes made outside a request reach Next's cache) and /api/cache/stats.
  endpoints: cacheEndpoints,
  editor: lexicalEditor(),
  // SMTP when SMTP_HOST is set (inquiry notifications, password resets); otherwise none.
  email: emailAdapter(env),
  cors: trustedOrigins,
  csrf: trustedOrigins,
  graphQL: {
    // Payload's defaults, stated so a change to them cannot open these up unnoticed: production
    // serves no GraphQL playground and answers no introspection query.
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    // One query may not ask for more than this many fields (nested relationships multiply them).
    maxComplexity: 500,
  },
  // REST/GraphQL `depth` beyond 3 is cut to 3: the site itself never populates deeper than 1.
  defaultDepth: 2,
  maxDepth: 3,
  secret: resolvePayloadSecret(env),
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // Convenient while developing; off elsewhere so tests can catch a stale payload-types.ts
    // instead of silently rewriting it.
    autoGenerate: env.NODE_ENV === 'development',
  },
  // Media in an S3 bucket when S3_BUCKET is set (lib/storage/s3.ts). capApiLimits last, so it also
  // reaches collections the other plugins add.
  plugins: [seo, redirects, mediaStoragePlugin(s3Settings(env), Media.slug), capApiLimits],
  jobs: {
    // Scheduled publish/unpublish jobs wait in the default queue; the server checks it every
    // 10 seconds, so a scheduled article goes live well within a minute of its time, with no
    // outside cron. Only inside the running Next server (NEXT_RUNTIME is set in its bundles, and
    // in `next build`'s workers too, which render pages but must not publish anything): one-off
    // processes (the seed script, tests) must not start timers that outlive their work.
    autoRun:
      process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build'
        ? [{ cron: '*/10 * * * * *', queue: 'default', limit: 20 }]
        : [],
    // With several instances (REDIS_URL) one of them runs each tick: lib/jobs/runnerTurn.ts.
    shouldAutoRun: takeJobRunnerTurn,
    deleteJobOnComplete: true,
  },
  db: databaseAdapter(),
  sharp,
  // Images over the limit are cut off while they stream in, and collections/hooks/checkImageUpload.ts
  // answers with a 400 that says what to do. Not `abortOnLimit`: Payload turns that into a 500-style
  // "An unknown error occurred." in production. Requests over 50 MB are still refused outright.
  upload: { limits: { fileSize: MAX_IMAGE_BYTES }, abortOnLimit: false },
  onInit,
  // JSON lines in production, pretty elsewhere (LOG_FORMAT overrides); refused inquiries are not
  // logged a second time, with a stack, by Payload: lib/runtime/logging.ts.
  logger: payloadLogger(env),
  loggingLevels,
  telemetry: false,
})
