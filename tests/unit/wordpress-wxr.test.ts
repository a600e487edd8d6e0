import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import fc from 'fast-check'

import { readWxr, WxrError, WxrParser, type WxrRecord } from '../../lib/wordpress/wxr'

const FIXTURE = path.resolve('tests/fixtures/wordpress/export.xml')

const wxr = (body: string, { version = '1.2', prefix = 'wp' } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:${prefix}="http://wordpress.org/export/${version}/" xmlns:excerpt="http://wordpress.org/export/${version}/excerpt/">
<channel>
  <title>Site &amp; Co</title>
  <link>https://old.example</link>
  <${prefix}:wxr_version>${version}</${prefix}:wxr_version>
  <${prefix}:base_site_url>https://old.example</${prefix}:base_site_url>
  <${prefix}:base_blog_url>https://old.example/blog</${prefix}:base_blog_url>
  <${prefix}:author><${prefix}:author_login><![CDATA[janet]]></${prefix}:author_login><${prefix}:author_display_name><![CDATA[Janet M]]></${prefix}:author_display_name></${prefix}:author>
  <${prefix}:category><${prefix}:category_nicename>sleep</${prefix}:category_nicename><${prefix}:cat_name><![CDATA[Sleep]]></${prefix}:cat_name></${prefix}:category>
  ${body}
</channel>
</rss>`

const ITEM = `<item>
  <title>One &amp;amp; two</title>
  <dc:creator>janet</dc:creator>
  <content:encoded><![CDATA[<p>Hello <b>there</b> ]]]]><![CDATA[></p>]]></content:encoded>
  <excerpt:encoded><![CDATA[Short]]></excerpt:encoded>
  <wp:post_id>7</wp:post_id>
  <wp:post_type>post</wp:post_type>
  <category domain="category" nicename="sleep"><![CDATA[Sleep]]></category>
  <category domain="post_tag" nicename="rest">Rest</category>
  <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value><![CDATA[12]]></wp:meta_value></wp:postmeta>
  <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>Nice</wp:comment_content></wp:comment>
</item>`

function parseAll(text: string, chunkSizes?: number[]): WxrRecord[] {
  const parser = new WxrParser('test.xml')
  const records: WxrRecord[] = []
  let offset = 0
  for (const size of chunkSizes ?? [text.length]) {
    if (offset >= text.length) break
    parser.write(text.slice(offset, offset + size))
    offset += size
    records.push(...parser.records())
  }
  if (offset < text.length) parser.write(text.slice(offset))
  parser.end()
  records.push(...parser.records())
  return records
}

const fail = (text: string) => {
  try {
    parseAll(text)
  } catch (error) {
    expect(error).toBeInstanceOf(WxrError)
    return (error as Error).message
  }
  throw new Error('expected the file to be refused')
}

describe('WXR reader', () => {
  it('reads the site, authors, terms and items, with fields, terms, post meta and comments', () => {
    const records = parseAll(wxr(ITEM))
    expect(records.map((record) => record.kind)).toEqual(['site', 'author', 'category', 'item'])
    expect(records[0]).toEqual({
      kind: 'site',
      site: { title: 'Site & Co', link: 'https://old.example', wxrVersion: '1.2', baseSiteUrl: 'https://old.example', baseBlogUrl: 'https://old.example/blog' },
    })
    expect(records[1]).toEqual({ kind: 'author', fields: { 'wp:author_login': 'janet', 'wp:author_display_name': 'Janet M' } })
    const item = records[3].kind === 'item' ? records[3].item : null
    // XML escapes are undone once by the parser; HTML entities stay for the model to decode.
    expect(item?.fields.title).toBe('One &amp; two')
    expect(item?.fields['content:encoded']).toBe('<p>Hello <b>there</b> ]]></p>')
    expect(item?.fields['excerpt:encoded']).toBe('Short')
    expect(item?.fields['wp:post_id']).toBe('7')
    expect(item?.terms).toEqual([
      { domain: 'category', nicename: 'sleep', name: 'Sleep' },
      { domain: 'post_tag', nicename: 'rest', name: 'Rest' },
    ])
    expect(item?.meta).toEqual({ _thumbnail_id: '12' })
    expect(item?.comments).toBe(1)
    // A comment's own fields never leak into the post's.
    expect(item?.fields['wp:comment_content']).toBeUndefined()
  })

  it('reads elements by namespace, whatever prefix the file binds, and WXR 1.0 and 1.1 too', () => {
    for (const [version, prefix] of [
      ['1.0', 'wp'],
      ['1.1', 'w'],
    ]) {
      const records = parseAll(wxr(ITEM.replace(/wp:/g, `${prefix}:`), { version, prefix }))
      const item = records.find((record) => record.kind === 'item')
      expect(item?.kind === 'item' && item.item.fields['wp:post_id']).toBe('7')
      expect(records[0]).toMatchObject({ site: { wxrVersion: version } })
    }
  })

  it('gives the same records however the file is cut into chunks (streaming)', () => {
    const text = wxr(`${ITEM}${ITEM.replace('<wp:post_id>7', '<wp:post_id>8')}`)
    const whole = parseAll(text)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 60 }), (sizes) => {
        expect(parseAll(text, sizes)).toEqual(whole)
      }),
      { numRuns: 60 },
    )
  })

  it('hands items over as soon as they are complete, not at the end of the file', () => {
    const text = wxr(`${ITEM}${ITEM}`)
    const parser = new WxrParser('test.xml')
    const firstItemEnd = text.indexOf('</item>') + '</item>'.length
    parser.write(text.slice(0, firstItemEnd))
    expect(parser.records().map((record) => record.kind)).toEqual(['site', 'author', 'category', 'item'])
    parser.write(text.slice(firstItemEnd))
    parser.end()
    expect(parser.records().map((record) => record.kind)).toEqual(['item'])
  })

  it('drops the control characters XML forbids (WordPress exports carry them from pasted text), and counts them', () => {
    const parser = new WxrParser('test.xml')
    parser.write(wxr(ITEM.replace('Short', 'Sh\u000Bort\u0001')))
    parser.end()
    const item = parser.records().find((record) => record.kind === 'item')
    expect(item?.kind === 'item' && item.item.fields['excerpt:encoded']).toBe('Short')
    expect(parser.removedCharacters).toBe(2)
  })

  it('refuses what is not a WordPress export, saying why', () => {
    expect(fail('<html><body>hello</body></html>')).toMatch(/test\.xml is not a WordPress export: it starts with <html>/)
    const feed = '<rss version="2.0"><channel><title>A feed</title><item><title>x</title></item></channel></rss>'
    expect(fail(feed)).toMatch(/not a WordPress export: no <wp:wxr_version>.*Tools → Export/)
    expect(fail(wxr('', { version: '2.0' }))).toMatch(/version 2\.0; this importer reads versions 1\.0, 1\.1, 1\.2/)
  })

  it('refuses broken XML with the line and column of the fault', () => {
    const broken = wxr(ITEM).replace('<dc:creator>janet</dc:creator>', '<dc:creator>janet</dc:creatr>')
    const line = broken.slice(0, broken.indexOf('</dc:creatr>')).split('\n').length
    expect(fail(broken)).toMatch(new RegExp(`test\\.xml is not well-formed XML: line ${line}, column \\d+`))
    expect(fail(wxr(ITEM).slice(0, -40))).toMatch(/not well-formed XML/)
    expect(fail('plain text')).toMatch(/not well-formed XML: line 1/)
  })
})

describe('readWxr (from a file)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-wxr-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const readAll = async (file: string) => {
    const records: WxrRecord[] = []
    for await (const record of readWxr(file, path.basename(file))) records.push(record)
    return records
  }

  it('streams the suite fixture: every post, attachment and term', async () => {
    const notes = { removedCharacters: 0 }
    const items: string[] = []
    for await (const record of readWxr(FIXTURE, 'export.xml', notes)) {
      if (record.kind === 'item') items.push(`${record.item.fields['wp:post_type']}:${record.item.fields['wp:post_id']}`)
    }
    expect(items.filter((item) => item.startsWith('post:'))).toHaveLength(11)
    expect(items.filter((item) => item.startsWith('attachment:'))).toHaveLength(5)
    expect(items).toEqual(expect.arrayContaining(['wp_block:150', 'page:2', 'nav_menu_item:300']))
    expect(notes.removedCharacters).toBe(1)
  })

  it('reads a file with a byte-order mark', async () => {
    const file = path.join(dir, 'bom.xml')
    writeFileSync(file, `\uFEFF${wxr(ITEM)}`)
    expect((await readAll(file)).map((record) => record.kind)).toEqual(['site', 'author', 'category', 'item'])
  })

  it.each([
    ['missing.xml', /missing\.xml does not exist/],
    ['', /is a folder, not an export file/],
  ])('names a file it cannot read (%j)', async (name, message) => {
    await expect(readAll(path.join(dir, name))).rejects.toThrow(message)
  })

  it('says an empty file is empty', async () => {
    const file = path.join(dir, 'empty.xml')
    writeFileSync(file, '')
    await expect(readAll(file)).rejects.toThrow(/empty\.xml is empty/)
  })
})
