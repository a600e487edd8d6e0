import { defineContentSuite } from './content-suite'
import { temporaryMongo } from './helpers'

const MONGODB_URI = process.env.MONGODB_URI

if (!MONGODB_URI) {
  console.warn('MongoDB suite skipped: set MONGODB_URI (e.g. to the stand-in from scripts/mongo-standin.mjs) to run it.')
}

// Runs the same suite as SQLite over a real MongoDB connection when one is given.
const describeMongo = MONGODB_URI ? describe : describe.skip

describeMongo('content model on MongoDB', () => {
  defineContentSuite(() => temporaryMongo(MONGODB_URI as string))
})
