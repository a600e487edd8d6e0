import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { get } from './html'

/**
 * Every page type's server HTML passes the W3C Nu HTML Checker (npm `vnu-jar`, run on Java) with
 * no errors. All pages go through one Java process: starting the JVM costs more than checking.
 * Warnings are allowed but printed. Without Java this fails: CI must install it (.ci/run does).
 */
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'))

const PAGES = [
  '/',
  '/blog',
  '/blog/massage-therapy-benefits-on-immune-function',
  '/benefits',
  '/benefits/reduces-stress',
  '/authors/janet',
  '/topics/immune-health',
  '/services',
  '/services/relaxation-massage',
  '/contact',
  // 404s: notFound() inside a page, and an address no route matches (app/global-not-found.tsx).
  '/blog/no-such-article',
  '/no-such-page',
]
// Search may not exist yet on every branch; when it does, it is checked like any page.
const OPTIONAL_PAGES = ['/search?q=massage']

type VnuMessage = { type: 'error' | 'info' | 'non-document-error'; subType?: string; url?: string; lastLine?: number; lastColumn?: number; message: string; extract?: string }

function runVnu(files: string[]): VnuMessage[] {
  const result = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.error) {
    throw new Error(
      `Could not run Java for the W3C HTML checker (${result.error.message}). Install a Java runtime ` +
        '(Debian: apt-get install -y default-jre-headless); .ci/run installs it when missing.',
    )
  }
  if (result.status !== 0) throw new Error(`vnu exited ${result.status}:\n${result.stderr}`)
  return (JSON.parse(result.stdout) as { messages: VnuMessage[] }).messages
}

describe('W3C HTML validity', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-vnu-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('every page type has no HTML errors (warnings are printed)', async () => {
    const pages = new Map<string, string>() // temp file path → page URL
    const fetched = await Promise.all([...PAGES, ...OPTIONAL_PAGES].map(async (url) => ({ url, page: await get(url) })))
    for (const [index, { url, page }] of fetched.entries()) {
      if (OPTIONAL_PAGES.includes(url) && page.status !== 200) {
        console.log(`[html-validity] skipped ${url}: it answered ${page.status} (not built yet on this branch?)`)
        continue
      }
      expect({ url, contentType: page.headers.get('content-type') }).toEqual({ url, contentType: expect.stringMatching(/^text\/html/) })
      const file = path.join(dir, `page-${index}.html`)
      writeFileSync(file, page.html)
      pages.set(file, url)
    }

    const messages = runVnu([...pages.keys()])
    const describeMessage = (m: VnuMessage) =>
      // vnu names each file by a `file:` URL: map it back to the page's address.
      `${(m.url && pages.get(fileURLToPath(m.url))) ?? m.url ?? '?'}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'} ${m.message}` +
      (m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').trim()}` : '')
    const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning')
    if (warnings.length) console.log(`[html-validity] ${warnings.length} warning(s):\n${warnings.map(describeMessage).join('\n')}`)

    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error')
    expect(errors.map(describeMessage)).toEqual([])
    // Every file was read: a page the checker never saw would pass silently.
    expect(pages.size).toBeGreaterThanOrEqual(PAGES.length)
  })
})
