import { temporaryMongo } from './helpers'
import { defineSearchAndRedirectSuite } from './search-redirects-suite'

const MONGODB_URI = process.env.MONGODB_URI

// Same suite over a real MongoDB connection when one is given (npm test starts a stand-in).
const describeMongo = MONGODB_URI ? describe : describe.skip

describeMongo('search and redirects on MongoDB', () => {
  defineSearchAndRedirectSuite(() => temporaryMongo(MONGODB_URI as string))
})
