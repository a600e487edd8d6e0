import { defineFirstArticleSuite } from './first-article-suite'
import { temporaryMongo } from './helpers'

const MONGODB_URI = process.env.MONGODB_URI

// Same suite over a real MongoDB connection when one is given (npm test starts a stand-in, which
// enforces no unique index: the one-login-per-profile rule must hold without one).
const describeMongo = MONGODB_URI ? describe : describe.skip

describeMongo('a first article on MongoDB', () => {
  defineFirstArticleSuite(() => temporaryMongo(MONGODB_URI as string))
})
