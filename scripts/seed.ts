/**
 * `npm run seed`: imports the therapist's first article (author, benefits, topic, article).
 * Safe to run any number of times: it only creates what is missing and never edits or deletes.
 */
import { startPayload } from './startPayload'

process.env.SEED = 'false' // this script seeds explicitly, and reports what it did

const payload = await startPayload()
const { seed } = await import('../lib/seed')
const { ARTICLES } = await import('../lib/collections')
let exitCode = 0
try {
  const report = await seed(payload)
  for (const item of report.created) console.log(`created  ${item}`)
  for (const item of report.kept) console.log(`kept     ${item} (already there, left as it is)`)
  // The Payload CLI has been seen to exit 0 having done nothing: check the effect, not the exit.
  const { totalDocs } = await payload.count({ collection: ARTICLES, overrideAccess: true })
  if (totalDocs === 0) throw new Error('Seeding finished but the database holds no article.')
  console.log(`Seed complete: ${report.created.length} created, ${report.kept.length} already present.`)
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await payload.destroy()
}
process.exit(exitCode)

export {}
