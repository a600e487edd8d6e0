import { temporarySqlite } from './helpers'
import { defineWordPressImportSuite } from './wordpress-import-suite'

describe('WordPress import on SQLite', () => {
  defineWordPressImportSuite(temporarySqlite)
})
