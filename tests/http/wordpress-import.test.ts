import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { get, text } from './html'
import { startOwnServer, stopOwnServer, temporarySqliteUri, type OwnServer } from './ownServer'
import { TEST_SITE_URL } from './server'

/**
 * `npm run import:wordpress` against the database of a running production server (a server of its
 * own: the import fills its blog, lists and feeds with the fixture's posts): imported posts are on
 * every list, feed and the sitemap at once, with no restart; old permalinks and `/?p=<id>` answer
 * permanent redirects to the new pages; a scheduled post publishes itself at its date.
 */
const repo = process.cwd()
const FIXTURE = path.join(repo, 'tests/fixtures/wordpress/export.xml')
const UPLOADS = path.join(repo, 'tests/fixtures/wordpress/uploads')
const SECRET = 'wp-http-test-secret-wp-http-test-secret-01'
const ADMIN = { email: 'owner@wp-import.example', password: 'a-long-password-for-the-import-test' }
const work = mkdtempSync(path.join(os.tmpdir(), 'wellpress-wp-http-'))

let server: OwnServer
let database: ReturnType<typeof temporarySqliteUri>
let scheduledAt: Date
let firstRun: { status: number | null; stdout: string; stderr: string }
let workshopBeforeItsTime: number | null = null

/** The fixture with the scheduled post due shortly: its publishing job runs in the server. */
function exportWithWorkshopDueIn(seconds: number): string {
  scheduledAt = new Date(Math.ceil((Date.now() + seconds * 1000) / 1000) * 1000)
  const sql = scheduledAt.toISOString().slice(0, 19).replace('T', ' ')
  const file = path.join(work, 'export.xml')
  writeFileSync(file, readFileSync(FIXTURE, 'utf8').replace('<wp:post_date_gmt><![CDATA[2099-04-01 09:00:00]]>', `<wp:post_date_gmt><![CDATA[${sql}]]>`))
  return file
}

/**
 * Run as a child the test waits for without blocking: a blocked event loop would miss the server
 * closing idle keep-alive connections, and the next request would reuse a dead one.
 */
function importWordPress(file: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URI: database.uri,
    PAYLOAD_SECRET: SECRET,
    SITE_URL: TEST_SITE_URL,
    // The running site's port: the import tells it over loopback what changed.
    PORT: new URL(server.baseUrl).port,
  }
  delete env.NODE_OPTIONS
  const child = spawn(path.join(repo, 'node_modules/.bin/tsx'), [path.join(repo, 'scripts/import-wordpress.ts'), file, '--uploads', UPLOADS], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), 240_000)
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    }),
  )
}

async function adminToken(): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  })
  return (await response.json()).token
}

const PAGES = ['/', '/blog', '/feed.xml', '/atom.xml', '/feed.json', '/sitemap.xml', '/topics/sleep', '/authors/janet-moore']

beforeAll(async () => {
  database = temporarySqliteUri()
  // A new site: seeded with its first article (which the old blog had too) and its first admin.
  server = await startOwnServer(database.uri, { env: { PAYLOAD_SECRET: SECRET, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } })
  // Every page once, so what the cache holds is the site before the import.
  for (const pathname of PAGES) await get(pathname, {}, server.baseUrl)
  firstRun = await importWordPress(exportWithWorkshopDueIn(45))
  if (Date.now() < scheduledAt.getTime() - 3000) workshopBeforeItsTime = (await get('/blog/spring-workshop', {}, server.baseUrl)).status
}, 360_000)

afterAll(async () => {
  if (server) {
    // The media files are in the checkout's data/media (where the server keeps uploads): remove ours.
    const token = await adminToken()
    await fetch(`${server.baseUrl}/api/media?where[wordpressKey][exists]=true&limit=100`, { method: 'DELETE', headers: { authorization: `JWT ${token}` } })
  }
  stopOwnServer(server)
  database?.cleanup()
  rmSync(work, { recursive: true, force: true })
})

describe('importing a WordPress export into a running site', () => {
  it('imports and tells the running site (exit 0)', () => {
    expect({ status: firstRun.status, stderr: firstRun.status === 0 ? '' : firstRun.stderr }).toEqual({ status: 0, stderr: '' })
    expect(firstRun.stdout).toContain('Articles:   9 created, 0 updated, 0 unchanged, 2 skipped')
    expect(firstRun.stdout).toContain('The running site was told: its lists, feeds and sitemap show the import now')
  })

  it('shows the imported posts at once on the blog, the home page, feeds, sitemap, topic and author pages: no restart', async () => {
    const published = ['Massage &amp; Sleep: What Helps', 'Stretching After Work', 'First Steps &amp; Early Days', 'Über Massage']
    for (const pathname of ['/', '/blog', '/feed.xml', '/atom.xml', '/feed.json']) {
      const page = await get(pathname, {}, server.baseUrl)
      expect({ pathname, status: page.status }).toEqual({ pathname, status: 200 })
      for (const slug of ['massage-and-sleep', 'stretching-after-work']) {
        expect({ pathname, slug, shown: page.html.includes(`/blog/${slug}`) }).toEqual({ pathname, slug, shown: true })
      }
      // Drafts stay drafts.
      expect({ pathname, draft: page.html.includes('hot-stone-massage-basics') }).toEqual({ pathname, draft: false })
    }
    const blog = await get('/blog', {}, server.baseUrl)
    for (const title of published) expect(blog.html).toContain(title)
    expect(JSON.stringify(await (await fetch(`${server.baseUrl}/feed.json`)).json())).toContain('Massage & Sleep: What Helps')
    const sitemap = await get('/sitemap.xml', {}, server.baseUrl)
    for (const slug of ['massage-and-sleep', 'stretching-after-work', 'first-steps', 'uber-massage']) expect(sitemap.html).toContain(`${TEST_SITE_URL}/blog/${slug}<`)
    expect(sitemap.html).not.toContain('/blog/hot-stone-massage-basics')
    expect(text((await get('/topics/sleep', {}, server.baseUrl)).doc.querySelector('main'))).toContain('Massage & Sleep: What Helps')
    expect((await get('/authors/janet-moore', {}, server.baseUrl)).status).toBe(200)
  })

  it('renders an imported article: headings, its images with captions and hero, links to the other imported articles', async () => {
    const page = await get('/blog/massage-and-sleep', {}, server.baseUrl)
    expect(page.status).toBe(200)
    const body = page.doc.querySelector('.prose')
    expect(body?.querySelectorAll('h2').map((heading) => heading.textContent)).toContain('Why it works')
    expect(body?.querySelector('figure figcaption')?.textContent).toBe('Our quiet room')
    expect(body?.querySelector('figure img')?.getAttribute('alt')).toBe('A dim treatment room with a massage table')
    expect(body?.querySelector('a[href="/blog/stretching-after-work"]')?.textContent).toBe('my stretching routine')
    expect(body?.querySelector('a[href="/topics/sleep"]')?.textContent).toBe('sleep')
    const image = page.doc.querySelector('main img[src^="/api/media/file/"]')?.getAttribute('src')
    expect(image).toBeTruthy()
    const file = await fetch(`${server.baseUrl}${image}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toMatch(/^image\//)
  })

  it.each([
    ['/2019/03/12/massage-and-sleep/', '/blog/massage-and-sleep'],
    ['/?p=101', '/blog/massage-and-sleep'],
    ['/index.php?p=102', '/blog/stretching-after-work'],
    ['/blog/2018/05/01/first-steps/', '/blog/first-steps'],
    ['/2019/07/01/%C3%BCber-massage/', '/blog/uber-massage'],
    ['/2018/11/20/massage-therapy-benefits-on-immune-function/', '/blog/massage-therapy-benefits-on-immune-function'],
    ['/category/wellness/sleep/', '/topics/sleep'],
    ['/author/janet/', '/authors/janet-moore'],
    ['/feed/', '/feed.xml'],
  ])('answers the old address %s with a permanent redirect to %s, in one hop', async (oldPath, newPath) => {
    const response = await fetch(`${server.baseUrl}${oldPath}`, { redirect: 'manual' })
    expect([oldPath, response.status]).toEqual([oldPath, 301])
    const location = new URL(response.headers.get('location') ?? '', server.baseUrl)
    expect(location.pathname).toBe(newPath)
    expect((await fetch(location, { redirect: 'manual' })).status).toBe(200)
  })

  it("sends /?p=<id> of a draft, or of a post that was never imported, nowhere but the home page (no draft's address leaks)", async () => {
    for (const pathname of ['/?p=103', '/?p=99999']) {
      const page = await get(pathname, {}, server.baseUrl)
      expect([pathname, page.status, page.headers.get('location')]).toEqual([pathname, 200, null])
      expect(page.html).not.toContain('hot-stone-massage-basics')
    }
  })

  it('publishes the scheduled post by itself at its date, and it shows at once, with no restart', async () => {
    if (workshopBeforeItsTime !== null) expect(workshopBeforeItsTime).toBe(404)
    const deadline = Math.max(Date.now(), scheduledAt.getTime()) + 120_000
    let blog = ''
    while (Date.now() < deadline) {
      blog = (await get('/blog', {}, server.baseUrl)).html
      if (blog.includes('Spring Workshop')) break
      await new Promise((resolve) => setTimeout(resolve, 2000))
    }
    expect(blog).toContain('Spring Workshop')
    expect(Date.now()).toBeGreaterThanOrEqual(scheduledAt.getTime())
    expect((await get('/blog/spring-workshop', {}, server.baseUrl)).status).toBe(200)
    expect((await get('/feed.xml', {}, server.baseUrl)).html).toContain('Spring Workshop')
  }, 240_000)

  it('changes nothing when run again', async () => {
    const again = await importWordPress(path.join(work, 'export.xml'))
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('Articles:   0 created, 0 updated, 9 unchanged, 2 skipped')
    expect(again.stdout).toContain('Nothing visitors see changed: no cache to purge.')
  }, 240_000)
})
