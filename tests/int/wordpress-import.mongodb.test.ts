import { temporaryMongo } from './helpers'
import { defineWordPressImportSuite } from './wordpress-import-suite'

const MONGODB_URI = process.env.MONGODB_URI

if (!MONGODB_URI) {
  console.warn('MongoDB WordPress import suite skipped: set MONGODB_URI (e.g. to the stand-in from scripts/mongo-standin.mjs) to run it.')
}

// The same suite as SQLite, over a real MongoDB connection when one is given.
const describeMongo = MONGODB_URI ? describe : describe.skip

describeMongo('WordPress import on MongoDB', () => {
  defineWordPressImportSuite(() => temporaryMongo(MONGODB_URI as string))
})
