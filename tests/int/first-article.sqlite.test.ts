import { defineFirstArticleSuite } from './first-article-suite'
import { temporarySqlite } from './helpers'

describe('a first article on SQLite', () => {
  defineFirstArticleSuite(temporarySqlite)
})
