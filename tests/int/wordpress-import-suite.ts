import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'

import type { Article, Media, Redirect } from '../../payload-types'
import { type LexicalNode, toPlainText } from '../../lib/richtext/lexical'
import type { ImportOptions } from '../../lib/wordpress/importer'
import type { ImportReport } from '../../lib/wordpress/report'
import { bootPayload, shutdown, type TestDatabase } from './helpers'

/**
 * `npm run import:wordpress` through Payload's Local API, run once per database adapter (SQLite
 * always; MongoDB when MONGODB_URI is set): the suite's WXR fixture (tests/fixtures/wordpress)
 * into a seeded site, each point of the importer checked on what the database then holds, and
 * running it again, after changes in WordPress and after edits here.
 */
const FIXTURE = path.resolve('tests/fixtures/wordpress/export.xml')
const UPLOADS = path.resolve('tests/fixtures/wordpress/uploads')
const SEEDED_SLUG = 'massage-therapy-benefits-on-immune-function'

const COUNTED: CollectionSlug[] = ['articles', 'media', 'authors', 'topics', 'redirects', 'payload-jobs']

export function defineWordPressImportSuite(makeDatabase: () => TestDatabase) {
  let db: TestDatabase
  let payload: Payload
  // Imported once Payload is booted: lib/env.ts reads DATABASE_URI when first imported.
  let importWordPress: typeof import('../../lib/wordpress/importer').importWordPress
  let redirectTarget: typeof import('../../lib/redirects/resolve').redirectTarget
  const work = mkdtempSync(path.join(os.tmpdir(), 'wellpress-wp-int-'))
  const purges: string[][] = []

  const run = (options: Partial<ImportOptions> = {}): Promise<ImportReport> =>
    importWordPress(payload, {
      file: FIXTURE,
      displayName: 'export.xml',
      uploadsDir: UPLOADS,
      purge: async (tags) => {
        purges.push(tags)
      },
      ...options,
    })

  /** The fixture with some text replaced: WordPress after the therapist changed things there. */
  const variant = (name: string, replacements: [string, string][]) => {
    let text = readFileSync(FIXTURE, 'utf8')
    for (const [from, to] of replacements) {
      if (!text.includes(from)) throw new Error(`the fixture has no ${JSON.stringify(from)}`)
      text = text.replace(from, to)
    }
    const file = path.join(work, `${name}.xml`)
    writeFileSync(file, text)
    return file
  }

  const counts = async () =>
    Object.fromEntries(await Promise.all(COUNTED.map(async (collection) => [collection, (await payload.count({ collection, overrideAccess: true })).totalDocs])))

  const article = async (postId: number, depth = 0) => {
    const { docs } = await payload.find({ collection: 'articles', where: { 'wordpress.postId': { equals: postId } }, draft: true, depth, limit: 2, overrideAccess: true })
    expect(docs).toHaveLength(1)
    return docs[0] as Article & { wordpress: { postId: number; guid: string; status: string; sourceHash: string; importedAt: string } }
  }

  const mediaByKey = async (key: string) => {
    const { docs } = await payload.find({ collection: 'media', where: { wordpressKey: { equals: key } }, depth: 0, limit: 2, overrideAccess: true })
    expect(docs).toHaveLength(1)
    return docs[0] as Media
  }

  const nodes = (content: unknown, type: string): LexicalNode[] => {
    const found: LexicalNode[] = []
    const visit = (node: LexicalNode) => {
      if (node.type === type) found.push(node)
      node.children?.forEach(visit)
    }
    ;(content as { root: LexicalNode }).root.children?.forEach(visit)
    return found
  }

  const scheduleJobs = async () =>
    (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, depth: 0, pagination: false, overrideAccess: true })).docs

  beforeAll(async () => {
    db = makeDatabase()
    payload = await bootPayload(db)
    ;({ importWordPress } = await import('../../lib/wordpress/importer'))
    ;({ redirectTarget } = await import('../../lib/redirects/resolve'))
    // A site with its first article, as every new Wellpress site starts.
    const { seed } = await import('../../lib/seed')
    await seed(payload)
  })

  afterAll(async () => {
    // Media files land in the checkout's data/media: deleting the documents removes them.
    await payload?.delete({ collection: 'media', where: { wordpressKey: { exists: true } }, overrideAccess: true })
    await shutdown(payload, db)
    rmSync(work, { recursive: true, force: true })
  })

  it('a dry run says what it would do and writes nothing', async () => {
    const before = await counts()
    const report = await run({ dryRun: true })
    expect(await counts()).toEqual(before)
    expect(purges).toEqual([])
    expect(report.dryRun).toBe(true)
    expect(report.counts.articles).toEqual({ created: 9, updated: 0, unchanged: 0, skipped: 2, failed: 0 })
    expect(report.counts.media).toEqual({ created: 5, updated: 0, unchanged: 0, skipped: 1, failed: 0 })
    expect(report.counts.authors.created).toBe(2)
    expect(report.counts.topics.created).toBe(2)
    expect(report.counts.redirects.created).toBe(23)
    expect(report.scheduled).toEqual([{ title: 'Spring Workshop', at: '2099-04-01T09:00:00.000Z' }])
  })

  it('says so when the images cannot be found: no --uploads, or the wrong folder', async () => {
    const without = await run({ dryRun: true, uploadsDir: null })
    expect(without.problems[0]).toBe("6 image(s) not imported: no --uploads folder was given (a copy of the old site's wp-content/uploads)")
    const wrongFolder = path.dirname(UPLOADS)
    const wrong = await run({ dryRun: true, uploadsDir: wrongFolder })
    expect(wrong.problems[0]).toBe(`none of the images were found in ${wrongFolder}: give the folder that holds the year folders (2019/, 2020/…), wp-content/uploads`)
    expect(wrong.counts.media).toMatchObject({ created: 0, skipped: 6 })
  })

  describe('the first import', () => {
    let report: ImportReport

    beforeAll(async () => {
      report = await run()
    }, 120_000)

    it('reports created, skipped and problems, each with its reason', () => {
      expect(report.site).toEqual({ title: "Janet's Massage Journal", url: 'https://janet-massage.example', wxrVersion: '1.2' })
      expect(report.counts.articles).toEqual({ created: 9, updated: 0, unchanged: 0, skipped: 2, failed: 0 })
      expect(report.counts.media).toEqual({ created: 5, updated: 0, unchanged: 0, skipped: 1, failed: 0 })
      expect(report.counts.redirects).toEqual({ created: 23, updated: 0, unchanged: 0, skipped: 0, failed: 0 })
      expect(report.skipped).toEqual([
        '1 page(s): the site has articles, not pages (copy what matters into the site by hand)',
        '1 menu item(s): the site has its own menu',
        '1 comment(s): the site has no comments',
        '1 attachment(s) that are not images (PDFs, audio…): the media library holds images only',
        '2 tag(s): categories became topics (--tags-as-topics makes topics of tags too)',
        '"Old Thoughts" (post 107): in the trash',
        `"Massage Therapy Benefits on Immune Function" (post 109): already on the site at /blog/${SEEDED_SLUG} (same title); its old addresses lead there`,
      ])
      expect(report.problems).toEqual([
        '1 control character(s) that XML forbids were removed from the export before reading it',
        'image 2019/03/lavender.png: no alt text in WordPress that describes it; given "Picture from "Massage & Sleep: What Helps"" for now: describe the picture in Images',
        'image 2019/04/missing-photo.jpg (shown in "Stretching After Work"): not found in the uploads folder',
      ])
      expect(report.adapted).toEqual([
        '"Massage & Sleep: What Helps" (post 101): a "latest posts" block, which WordPress drew when the page was shown (nothing to import); underlined text (shown plain: on the web underline reads as a link); inline code (shown as plain text); a table (kept as text: one line per row, cells separated by " | "); an embedded video, audio or post from youtube.com (kept as a link); a link to /contact/ on the old site, which was not imported',
        '"Stretching After Work" (post 102): a [contact-form-7] shortcode (kept as text: what it showed came from a WordPress plugin); an image from images.example.org (kept as a link: images from other sites are not copied); a link to /about/ on the old site, which was not imported',
        '"Protected Client Plan" (post 108): password-protected in WordPress: imported as a draft, so it does not become public',
        expect.stringMatching(/^image 2019\/04\/animated\.gif: converted from GIF to (PNG|JPG)$/),
      ])
    })

    it('makes each post an article: title decoded once, slug, excerpt, its original date', async () => {
      const sleep = await article(101)
      expect(sleep).toMatchObject({
        title: 'Massage & Sleep: What Helps',
        slug: 'massage-and-sleep',
        excerpt: 'How a massage before bed helps you sleep.',
        _status: 'published',
        publishedAt: '2019-03-12T14:30:00.000Z',
        wordpress: { postId: 101, guid: 'https://janet-massage.example/?p=101', status: 'publish' },
      })
      expect(await article(110)).toMatchObject({ title: 'First Steps & Early Days', slug: 'first-steps', publishedAt: '2018-05-01T10:00:00.000Z' })
      // A slug percent-encoded in WordPress, and one made from the title when WordPress had none.
      expect((await article(111)).slug).toBe('uber-massage')
      expect((await article(103)).slug).toBe('hot-stone-massage-basics')
    })

    it('maps statuses: publish → published; draft, pending, private, password-protected → draft; future → scheduled; trash skipped', async () => {
      const statuses = Object.fromEntries(
        await Promise.all([101, 102, 103, 104, 105, 106, 108, 110, 111].map(async (id) => [id, (await article(id))._status])),
      )
      expect(statuses).toEqual({
        101: 'published',
        102: 'published',
        103: 'draft',
        104: 'draft',
        105: 'draft',
        106: 'draft',
        108: 'draft',
        110: 'published',
        111: 'published',
      })
      expect((await payload.count({ collection: 'articles', where: { 'wordpress.postId': { equals: 107 } }, overrideAccess: true })).totalDocs).toBe(0)
      // Visitors see the published ones only.
      const { docs } = await payload.find({ collection: 'articles', overrideAccess: false, where: { 'wordpress.postId': { exists: true } }, depth: 0, pagination: false })
      expect(docs.map((doc) => doc.slug).sort()).toEqual(['first-steps', 'massage-and-sleep', 'stretching-after-work', 'uber-massage'])
    })

    it('schedules a future post to publish at its date, as the admin’s "Schedule publish" does', async () => {
      const workshop = await article(106)
      expect(workshop.publishedAt).toBe('2099-04-01T09:00:00.000Z')
      const jobs = await scheduleJobs()
      expect(jobs).toHaveLength(1)
      expect(jobs[0]).toMatchObject({ queue: 'default', input: { type: 'publish', doc: { relationTo: 'articles', value: workshop.id } } })
      expect(new Date(String(jobs[0].waitUntil)).toISOString()).toBe('2099-04-01T09:00:00.000Z')
      expect(report.scheduled).toEqual([{ title: 'Spring Workshop', at: '2099-04-01T09:00:00.000Z' }])
    })

    it('does not import again what the site already has (same title at the same address); its old addresses lead there', async () => {
      const { docs } = await payload.find({ collection: 'articles', where: { slug: { like: 'massage-therapy-benefits' } }, draft: true, depth: 0, overrideAccess: true })
      expect(docs.map((doc) => doc.slug)).toEqual([SEEDED_SLUG])
    })

    it('converts block-editor content into the editor’s nodes', async () => {
      const { content } = await article(101)
      expect(content.root.children.map((node) => (node.tag ? `${node.type}:${node.tag}` : node.type))).toEqual([
        'paragraph',
        'heading:h2',
        'paragraph',
        'heading:h4',
        'list:ul',
        'list:ol',
        'quote',
        'upload',
        'paragraph',
        'upload',
        'paragraph',
        'paragraph',
        'paragraph',
        'paragraph',
        'paragraph',
      ])
      const text = toPlainText(content)
      expect(text).toContain('A good night starts in the body: slow strokes calm the nervous system, and more pressure is not always better.')
      expect(text).toContain('Underlined and code words stay.')
      expect(text).toContain('Hours | Feeling\n6 | tired')
      expect(text).toContain('Book a session with me.')
      const formats = nodes(content, 'text').filter((node) => ['body', 'slow', 'more pressure', 'Dalai Lama'].includes(String(node.text))).map((node) => [node.text, node.format])
      expect(formats).toEqual([
        ['body', 1],
        ['slow', 2],
        ['more pressure', 4],
        ['Dalai Lama', 2],
      ])
      expect(nodes(content, 'listitem').map((item) => toPlainText({ root: { type: 'root', children: [item] } } as never))).toEqual([
        'Dim the lights',
        'Breathe slowly',
        'in for four',
        'in for four',
        'Warm the oil',
        'Begin at the feet',
      ])
    })

    it('links to other imported posts as internal links (also to posts written after it), to topics and to image files', async () => {
      const [sleep, stretching, stones, oils] = await Promise.all([article(101), article(102), article(103), mediaByKey('2019/03/oil-bottles.jpg')])
      const fields = nodes(sleep.content, 'link').map((node) => node.fields)
      expect(fields).toEqual([
        { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: stretching.id } },
        { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: stones.id } },
        { linkType: 'custom', newTab: true, url: 'https://www.sleepfoundation.example/massage' },
        { linkType: 'custom', newTab: false, url: oils.url },
        { linkType: 'custom', newTab: false, url: 'https://www.youtube.com/watch?v=relax123' },
        { linkType: 'custom', newTab: false, url: 'https://janet-massage.example/contact/' },
        { linkType: 'custom', newTab: false, url: '/topics/sleep' },
      ])
      expect(nodes(stretching.content, 'link')[0].fields).toEqual({ linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: sleep.id } })
    })

    it('converts classic-editor content: paragraphs from blank lines, [caption], [gallery], unknown shortcodes as text', async () => {
      const { content } = await article(102)
      const [room, stretch] = await Promise.all([mediaByKey('2019/03/sleep-room.jpg'), mediaByKey('2019/04/stretch-scaled.jpg')])
      expect(content.root.children.map((node) => node.type)).toEqual(['paragraph', 'upload', 'paragraph', 'upload', 'upload', 'paragraph', 'paragraph', 'paragraph'])
      expect((content.root.children[0].children as LexicalNode[]).map((node) => node.type)).toEqual(['text', 'linebreak', 'text'])
      expect(nodes(content, 'upload').map((node) => node.value)).toEqual([stretch.id, room.id, stretch.id])
      expect(toPlainText(content).split('\n').slice(-3)).toEqual(['A yoga mat', '[contact-form-7 id="9" title="Book"]', 'About me [sic]'])
    })

    it('brings the images from --uploads: alt text, captions, the featured image as the hero, sizes mapped to their original', async () => {
      const sleep = await article(101)
      const [room, lavender, stretch, oils, gif] = await Promise.all(
        ['2019/03/sleep-room.jpg', '2019/03/lavender.png', '2019/04/stretch-scaled.jpg', '2019/03/oil-bottles.jpg', '2019/04/animated.gif'].map(mediaByKey),
      )
      expect(room).toMatchObject({ alt: 'A dim treatment room with a massage table', caption: 'Our quiet room' })
      expect(stretch).toMatchObject({ alt: 'Stretching the shoulders at a desk', caption: 'Roll the shoulders back' })
      expect(oils.alt).toBe('Three amber bottles of massage oil')
      expect(lavender.alt).toBe('Picture from "Massage & Sleep: What Helps"')
      expect(gif.alt).toBe('Waving hand animation')
      expect(sleep.heroImage).toBe(lavender.id)
      // The body's first image is the one WordPress showed at 1024 px: the original file's media.
      expect(nodes(sleep.content, 'upload')[0].value).toBe(room.id)
      for (const image of [room, lavender, stretch, oils, gif]) {
        expect(image.sizes?.hero?.url).toMatch(/^\/api\/media\/file\//)
        expect(image.mimeType).toBe('image/webp')
      }
    })

    it('makes profiles of the authors who wrote posts, and topics of the categories (not Uncategorized, not tags)', async () => {
      const [sleep, stretching] = await Promise.all([article(101, 1), article(102, 1)])
      expect(sleep.author).toMatchObject({ name: 'Janet Moore', slug: 'janet-moore' })
      expect(stretching.author).toMatchObject({ name: 'Mark Lee', slug: 'mark-lee' })
      expect((sleep.topics as { name: string; slug: string; description?: string }[]).map(({ name, slug, description }) => ({ name, slug, description }))).toEqual([
        { name: 'Sleep & Rest', slug: 'sleep', description: 'Massage for better nights.' },
      ])
      expect((stretching.topics as { slug: string }[]).map((topic) => topic.slug)).toEqual(['self-care'])
      const authors = await payload.find({ collection: 'authors', depth: 0, pagination: false, overrideAccess: true, sort: 'name' })
      expect(authors.docs.map((author) => author.name)).toEqual(['Janet', 'Janet Moore', 'Mark Lee'])
      const topics = await payload.find({ collection: 'topics', depth: 0, pagination: false, overrideAccess: true, sort: 'name' })
      expect(topics.docs.map((topic) => topic.name)).toEqual(['Immune health', 'Self-care', 'Sleep & Rest'])
    })

    it('keeps every old address: the permalink and /?p=<id> of each post, its categories, authors and feed, as permanent redirects', async () => {
      const { docs } = await payload.find({
        collection: 'redirects',
        depth: 1,
        pagination: false,
        overrideAccess: true,
        populate: { articles: { slug: true, _status: true }, topics: { slug: true }, authors: { slug: true } },
      })
      const table = Object.fromEntries((docs as Redirect[]).map((redirect) => [redirect.from, [redirect.type, redirectTarget(redirect)]]))
      expect(table).toEqual({
        '/2019/03/12/massage-and-sleep': ['301', '/blog/massage-and-sleep'],
        '/?p=101': ['301', '/blog/massage-and-sleep'],
        '/2019/04/02/stretching-after-work': ['301', '/blog/stretching-after-work'],
        '/?p=102': ['301', '/blog/stretching-after-work'],
        // Drafts: stored now, leading there once published.
        '/?p=103': ['301', null],
        '/?p=104': ['301', null],
        '/2019/05/03/notes-for-clients-only': ['301', null],
        '/?p=105': ['301', null],
        '/?p=106': ['301', null],
        '/2019/06/02/protected-client-plan': ['301', null],
        '/?p=108': ['301', null],
        [`/2018/11/20/${SEEDED_SLUG}`]: ['301', `/blog/${SEEDED_SLUG}`],
        '/?p=109': ['301', `/blog/${SEEDED_SLUG}`],
        '/blog/2018/05/01/first-steps': ['301', '/blog/first-steps'],
        '/?p=110': ['301', '/blog/first-steps'],
        '/2019/07/01/%c3%bcber-massage': ['301', '/blog/uber-massage'],
        '/2019/07/01/%C3%BCber-massage': ['301', '/blog/uber-massage'],
        '/?p=111': ['301', '/blog/uber-massage'],
        '/category/wellness/sleep': ['301', '/topics/sleep'],
        '/category/wellness/self-care': ['301', '/topics/self-care'],
        '/author/janet': ['301', '/authors/janet-moore'],
        '/author/mark': ['301', '/authors/mark-lee'],
        '/feed': ['301', '/feed.xml'],
      })
    })

    it('tells the running site once, with the cache tags of everything that changed', () => {
      expect(purges).toHaveLength(1)
      expect(purges[0]).toEqual(
        expect.arrayContaining(['articles', 'articles:massage-and-sleep', 'articles:stretching-after-work', 'authors', 'topics', 'media', 'redirects']),
      )
      // Drafts were never public: nothing of theirs to purge.
      expect(purges[0]).not.toContain('articles:hot-stone-massage-basics')
      expect(report.purge).toMatch(/^The running site was told/)
    })
  })

  describe('running it again', () => {
    it('changes nothing that did not change: no new document, version, job or purge', async () => {
      const before = await counts()
      const versions = (await payload.countVersions({ collection: 'articles', overrideAccess: true })).totalDocs
      const updatedAt = (await article(101)).updatedAt
      purges.length = 0
      const report = await run()
      expect(report.counts.articles).toEqual({ created: 0, updated: 0, unchanged: 9, skipped: 2, failed: 0 })
      for (const kind of ['media', 'authors', 'topics', 'redirects'] as const) expect(report.counts[kind].created).toBe(0)
      expect(report.counts.redirects.unchanged).toBe(23)
      expect(await counts()).toEqual(before)
      expect((await payload.countVersions({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(versions)
      expect((await article(101)).updatedAt).toBe(updatedAt)
      expect(await scheduleJobs()).toHaveLength(1)
      expect(purges).toEqual([])
      expect(report.purge).toBe('Nothing visitors see changed: no cache to purge.')
    }, 120_000)

    it('updates what changed in WordPress: text, status, a scheduled date', async () => {
      const file = variant('changed', [
        ['A few minutes of stretching helps.', 'Ten minutes of stretching helps.'],
        ['<wp:status><![CDATA[pending]]></wp:status>', '<wp:status><![CDATA[publish]]></wp:status>'],
        ['<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>\n\t\t<wp:post_name><![CDATA[waiting-for-review]]>', '<wp:post_date_gmt><![CDATA[2019-05-02 15:00:00]]></wp:post_date_gmt>\n\t\t<wp:post_name><![CDATA[waiting-for-review]]>'],
        ['<wp:post_date_gmt><![CDATA[2099-04-01 09:00:00]]></wp:post_date_gmt>', '<wp:post_date_gmt><![CDATA[2099-05-01 09:00:00]]></wp:post_date_gmt>'],
      ])
      const report = await run({ file })
      expect(report.counts.articles).toEqual({ created: 0, updated: 3, unchanged: 6, skipped: 2, failed: 0 })
      expect(toPlainText((await article(102)).content)).toContain('Ten minutes of stretching helps.')
      expect(await article(104)).toMatchObject({ _status: 'published', publishedAt: '2019-05-02T15:00:00.000Z', wordpress: { status: 'publish' } })
      const jobs = await scheduleJobs()
      expect(jobs).toHaveLength(1)
      expect(new Date(String(jobs[0].waitUntil)).toISOString()).toBe('2099-05-01T09:00:00.000Z')
      expect(report.problems.filter((problem) => problem.includes('edited here'))).toEqual([])
    }, 120_000)

    it('never overwrites what was edited here; the article stays as she left it', async () => {
      const sleep = await article(101)
      await payload.update({ collection: 'articles', id: sleep.id, data: { title: 'Sleeping well, my way' }, overrideAccess: true, context: { disableRevalidate: true } })
      // Changed in WordPress too: reported, not applied.
      const changed = variant('both', [['How a massage before bed helps you sleep.', 'A new excerpt from WordPress.']])
      const report = await run({ file: changed })
      expect(report.problems).toContain('"Massage & Sleep: What Helps" (post 101): changed in WordPress since the last import, but edited here too: left as it is here')
      expect(report.counts.articles.skipped).toBe(3)
      expect(await article(101)).toMatchObject({ title: 'Sleeping well, my way', excerpt: 'How a massage before bed helps you sleep.' })
      // Unchanged in WordPress: nothing to say, her edit stays.
      const again = await run()
      expect((await article(101)).title).toBe('Sleeping well, my way')
      expect(again.problems.filter((problem) => problem.includes('post 101'))).toEqual([])
    }, 120_000)

    it('makes topics of tags too when asked (--tags-as-topics); a tag named like a category shares its topic', async () => {
      // The tag "rest" renamed "Self-care" in WordPress: the same words as the category.
      const file = variant('tags', [
        ['<wp:tag_name><![CDATA[rest]]></wp:tag_name>', '<wp:tag_name><![CDATA[Self-care]]></wp:tag_name>'],
        ['<category domain="post_tag" nicename="rest"><![CDATA[rest]]></category>', '<category domain="post_tag" nicename="rest"><![CDATA[Self-care]]></category>'],
      ])
      const report = await run({ file, tagsAsTopics: true })
      expect(report.counts.topics.created).toBe(1)
      const stretching = await article(102, 1)
      expect((stretching.topics as { name: string }[]).map((topic) => topic.name)).toEqual(['Self-care', 'desk work'])
      const { docs } = await payload.find({
        collection: 'redirects',
        where: { from: { in: ['/tag/rest', '/tag/desk-work', '/category/wellness/self-care'] } },
        depth: 1,
        overrideAccess: true,
        populate: { topics: { slug: true } },
        sort: 'from',
      })
      expect((docs as Redirect[]).map((redirect) => [redirect.from, redirectTarget(redirect)])).toEqual([
        ['/category/wellness/self-care', '/topics/self-care'],
        ['/tag/desk-work', '/topics/desk-work'],
        ['/tag/rest', '/topics/self-care'],
      ])
      const topics = await payload.find({ collection: 'topics', depth: 0, pagination: false, overrideAccess: true })
      expect(topics.docs.map((topic) => topic.name).sort()).toEqual(['Immune health', 'Self-care', 'Sleep & Rest', 'desk work'])
    }, 120_000)
  })
}
