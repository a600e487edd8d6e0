import { temporarySqlite } from './helpers'
import { defineSearchAndRedirectSuite } from './search-redirects-suite'

describe('search and redirects on SQLite', () => {
  defineSearchAndRedirectSuite(temporarySqlite)
})
