import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

import { bootPayload, type TestDatabase } from './helpers'

/**
 * `npm run import:wordpress` as the therapist runs it: the real script (tsx), on a fresh SQLite
 * file, from a folder of its own (media land in <folder>/data/media). Its exit codes, where its
 * progress and its summary go, a dry run that writes nothing, and clear refusals of bad input.
 */
const repo = process.cwd()
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx')
const FIXTURE = path.join(repo, 'tests/fixtures/wordpress/export.xml')
const UPLOADS = path.join(repo, 'tests/fixtures/wordpress/uploads')
const work = mkdtempSync(path.join(os.tmpdir(), 'wellpress-wp-script-'))
const database: TestDatabase = { name: 'sqlite', uri: `file:${path.join(work, 'site.db')}`, cleanup: () => rmSync(work, { recursive: true, force: true }) }

function importWordPress(...args: string[]) {
  const result = spawnSync(tsx, [path.join(repo, 'scripts/import-wordpress.ts'), ...args], {
    cwd: work,
    // No PORT of a running site: nothing to purge (the summary says so).
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URI: database.uri, PAYLOAD_SECRET: 'wp-script-test-secret-wp-script-test-01', PORT: '1' },
    encoding: 'utf8',
    timeout: 180_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

let payload: Payload | undefined

afterAll(async () => {
  await payload?.destroy()
  database.cleanup()
})

describe('npm run import:wordpress', () => {
  it('explains its usage (exit 2) when called wrong', () => {
    for (const args of [[], [FIXTURE, 'second.xml'], [FIXTURE, '--uploads', FIXTURE], [FIXTURE, '--frobnicate']]) {
      const result = importWordPress(...args)
      expect({ args, status: result.status }).toEqual({ args, status: 2 })
      expect(result.stderr).toContain('Usage: npm run import:wordpress -- <export.xml>')
    }
    expect(importWordPress(FIXTURE, '--uploads', FIXTURE).stderr).toContain(`--uploads ${FIXTURE} is not a folder`)
  })

  it('refuses a bad file with a clear message (exit 1)', () => {
    const feed = path.join(work, 'feed.xml')
    writeFileSync(feed, '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><item><title>x</title></item></channel></rss>')
    const broken = path.join(work, 'broken.xml')
    writeFileSync(broken, '<?xml version="1.0"?>\n<rss>\n<channel>\n<wp:wxr_version>1.2</wp:wxr_version>\n</rss>')
    const cases: [string, RegExp][] = [
      [path.join(work, 'missing.xml'), /^Import failed: .*missing\.xml does not exist\.$/m],
      [feed, /^Import failed: .*feed\.xml is not a WordPress export: no <wp:wxr_version>/m],
      [broken, /^Import failed: .*broken\.xml is not well-formed XML: line 4, column \d+/m],
    ]
    for (const [file, message] of cases) {
      const result = importWordPress(file)
      expect({ file, status: result.status }).toEqual({ file, status: 1 })
      expect(result.stderr).toMatch(message)
      // Payload's own start-up lines may be there; no summary is.
      expect(result.stdout).not.toMatch(/^(Articles:|Done:)/m)
    }
  }, 180_000)

  it('a dry run reports on stdout, writes nothing, and exits 0', async () => {
    const result = importWordPress(FIXTURE, '--uploads', UPLOADS, '--dry-run')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^WordPress import of .*export\.xml \(Janet's Massage Journal, https:\/\/janet-massage\.example\): DRY RUN, nothing was written$/m)
    expect(result.stdout).toContain('Articles:   10 to create, 0 to update, 0 unchanged, 1 skipped')
    expect(result.stdout).toMatch(/^Dry run: \d+ to create/m)
    expect(result.stderr).toContain('[1/10] would be created "Massage & Sleep: What Helps" (post 101) (published)')
    expect(readdirSync(path.join(work, 'data', 'media'))).toEqual([])
  }, 180_000)

  it('imports, with progress on stderr and the summary on stdout, and exits 0', async () => {
    const result = importWordPress('--', FIXTURE, '--uploads', UPLOADS, '--tags-as-topics')
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/^Reading .*export\.xml…$/m)
    expect(result.stderr).toContain('Found 11 posts, 4 images, 3 authors, 4 categories and 2 tags (WXR 1.2).')
    expect(result.stderr).toContain('[10/10] created "Über Massage" (post 111) (published)')
    expect(result.stderr).toContain('  image 2019/03/sleep-room.jpg: created')
    expect(result.stdout).toContain('Articles:   10 created, 0 updated, 0 unchanged, 1 skipped')
    expect(result.stdout).toContain('Topics:     4 created, 0 updated, 0 unchanged, 0 skipped')
    expect(result.stdout).toContain('No site is running here to tell: it will show the import when it starts (it reads the database afresh).')
    expect(result.stdout).toMatch(/^Done: \d+ created, 0 updated, 0 unchanged, 2 skipped, 3 problems\.$/m)
    expect(result.stdout).not.toContain('[1/10]')

    // What it wrote, read back through Payload.
    payload = await bootPayload(database)
    const articles = await payload.find({ collection: 'articles', draft: true, depth: 0, pagination: false, overrideAccess: true })
    expect(articles.totalDocs).toBe(10)
    const topics = await payload.find({ collection: 'topics', depth: 0, pagination: false, overrideAccess: true })
    expect(topics.docs.map((topic) => topic.name).sort((a, b) => a.localeCompare(b))).toEqual(['desk work', 'rest', 'Self-care', 'Sleep & Rest'])
    expect(readdirSync(path.join(work, 'data', 'media')).filter((name) => /^sleep-room.*\.webp$/.test(name)).length).toBeGreaterThan(1)
  }, 180_000)
})
