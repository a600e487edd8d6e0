import { defineContentSuite } from './content-suite'
import { temporarySqlite } from './helpers'

describe('content model on SQLite', () => {
  defineContentSuite(temporarySqlite)
})
