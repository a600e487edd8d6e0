/**
 * For bench/scale.ts (a helper, not a benchmark: bench/run.ts skips files starting with `_`):
 * lists the SQLite indexes on the articles tables and shows whether the site's own list queries
 * use them. It runs the real query functions from lib/queries/ (outside Next they read the
 * database directly), records every SQL statement Payload's adapter sends, and asks SQLite for
 * each one's EXPLAIN QUERY PLAN.
 *
 *   npx tsx bench/_scale-queries.ts --db /tmp/x/wellpress.db --topic <slug> --article <slug>
 *
 * Prints one JSON object on stdout.
 */
import { performance } from 'node:perf_hooks'

import { openPayload } from './_payload'

type Statement = { sql: string; args: unknown[] }
type LibsqlClient = { execute(statement: string | { sql: string; args?: unknown }): Promise<{ rows: Record<string, unknown>[] }> }

function argument(name: string): string {
  const index = process.argv.indexOf(`--${name}`)
  const value = index === -1 ? undefined : process.argv[index + 1]
  if (!value) throw new Error(`--${name} is required`)
  return value
}

const payload = await openPayload(argument('db'))
const client = (payload.db as unknown as { client: LibsqlClient }).client

// Drizzle calls client.execute for every statement: record them while one query function runs.
let recording: Statement[] | null = null
const execute = client.execute.bind(client)
client.execute = (statement) => {
  if (recording) {
    recording.push(typeof statement === 'string' ? { sql: statement, args: [] } : { sql: statement.sql, args: (statement.args as unknown[]) ?? [] })
  }
  return execute(statement)
}

async function statementsOf(run: () => Promise<unknown>) {
  recording = []
  const started = performance.now()
  await run()
  const ms = performance.now() - started
  const statements = recording
  recording = null
  return { ms, statements }
}

async function plan(statement: Statement): Promise<string[]> {
  const { rows } = await execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args })
  return rows.map((row) => String(row.detail))
}

const { getArticlesPage, getArticlesByTopic, getArticleBySlug } = await import('../lib/queries/articles')
const { getTopicBySlug } = await import('../lib/queries/topics')
const { getSitemapContent } = await import('../lib/queries/sitemap')

const topic = await getTopicBySlug(argument('topic'))
if (!topic) throw new Error(`no topic ${argument('topic')}`)

const queries: [string, () => Promise<unknown>][] = [
  ['/blog/page/2 (getArticlesPage)', () => getArticlesPage(2)],
  ['topic page (getArticlesByTopic)', () => getArticlesByTopic(topic.id)],
  ['article page (getArticleBySlug)', () => getArticleBySlug(argument('article'))],
  ['sitemap (getSitemapContent)', () => getSitemapContent()],
]

const results = []
for (const [label, run] of queries) {
  const { ms, statements } = await statementsOf(run)
  const plans = []
  for (const statement of statements) {
    // Only reads over the articles tables say anything about the articles indexes.
    if (!/^\s*select/i.test(statement.sql) || !/"(_?articles[\w]*)"/.test(statement.sql)) continue
    plans.push({ sql: statement.sql, plan: await plan(statement) })
  }
  results.push({ label, ms, statements: statements.length, plans })
}

const indexes: Record<string, { name: string; unique: boolean; columns: string[] }[]> = {}
for (const table of ['articles', '_articles_v', 'articles_rels']) {
  const { rows } = await execute(`PRAGMA index_list('${table}')`)
  indexes[table] = []
  for (const row of rows) {
    const info = await execute(`PRAGMA index_info('${String(row.name)}')`)
    indexes[table].push({ name: String(row.name), unique: Number(row.unique) === 1, columns: info.rows.map((r) => String(r.name)) })
  }
}

console.log(JSON.stringify({ indexes, queries: results }))
// A read-only process: exit without waiting on payload.destroy(), which once left a top-level
// await unsettled here (exit code 13) after the report was printed.
process.exit(0)
