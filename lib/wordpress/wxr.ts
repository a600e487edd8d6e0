import { createReadStream } from 'node:fs'

import { SaxesParser, type SaxesTagNS } from 'saxes'

/**
 * Reads a WordPress eXtended RSS export (WXR 1.0–1.2, which Squarespace writes too) as a stream:
 * one record at a time, each `<item>` whole but never the file whole, so a blog of thousands of
 * posts takes the memory of its largest post. Strict XML (saxes): a truncated or broken file
 * stops with the line and column of the fault rather than importing half of it quietly.
 *
 * Element names are read by namespace, not by prefix, and given WordPress's usual prefixes
 * (`wp:`, `content:`, `excerpt:`, `dc:`), so an export that binds other prefixes reads the same.
 */

/** The channel's own description of the site (what WordPress writes before the first item). */
export type WxrSite = {
  title: string
  link: string
  wxrVersion: string
  baseSiteUrl: string
  baseBlogUrl: string
}

/** A term of the channel (`wp:author`, `wp:category`, `wp:tag`): its child elements' text. */
export type WxrFields = Record<string, string>

/** `<category domain="category" nicename="sleep">Sleep</category>` on an item. */
export type WxrItemTerm = { domain: string; nicename: string; name: string }

export type WxrItem = {
  /** Child elements' text by name (`title`, `link`, `content:encoded`, `wp:post_id`…). */
  fields: WxrFields
  terms: WxrItemTerm[]
  /** `wp:postmeta` as key → value (the last one wins, as WordPress reads a single meta). */
  meta: Record<string, string>
  comments: number
}

export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; fields: WxrFields }
  | { kind: 'category'; fields: WxrFields }
  | { kind: 'tag'; fields: WxrFields }
  | { kind: 'item'; item: WxrItem }

/** What reading changed in the file, for the report. */
export type WxrReadNotes = { removedCharacters: number }

/** A file that is not a WordPress export, or not well-formed: the message says where and why. */
export class WxrError extends Error {
  override name = 'WxrError'
}

const SUPPORTED_VERSIONS = ['1.0', '1.1', '1.2']

/** Namespace URI → the prefix WordPress itself uses for it. */
function prefixOf(uri: string): string {
  if (uri === '') return ''
  if (/^https?:\/\/wordpress\.org\/export\/[\d.]+\/excerpt\/?$/.test(uri)) return 'excerpt'
  if (/^https?:\/\/wordpress\.org\/export\/[\d.]+\/?$/.test(uri)) return 'wp'
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content'
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc'
  if (uri === 'http://wellformedweb.org/CommentAPI/') return 'wfw'
  return uri
}

const nameOf = (tag: { uri: string; local: string }) => {
  const prefix = prefixOf(tag.uri)
  return prefix ? `${prefix}:${tag.local}` : tag.local
}

/** Characters XML 1.0 forbids, which WordPress exports sometimes carry in pasted text. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

const CHANNEL_TERMS: Record<string, 'author' | 'category' | 'tag'> = { 'wp:author': 'author', 'wp:category': 'category', 'wp:tag': 'tag' }

type Frame = { name: string; text: string[] | null }

/**
 * Parses WXR text arriving in chunks; `records()` hands over what the chunks so far completed.
 * Separate from the file reading so tests can feed it any chunking.
 */
export class WxrParser {
  private readonly parser: SaxesParser<{ xmlns: true; position: true }>
  private readonly stack: Frame[] = []
  private readonly ready: WxrRecord[] = []
  private readonly site: WxrSite = { title: '', link: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '' }
  private siteSent = false
  private item: WxrItem | null = null
  private channelTerm: { kind: 'author' | 'category' | 'tag'; fields: WxrFields } | null = null
  private meta: { key: string; value: string } | null = null
  private failure: WxrError | null = null
  /** How many characters XML forbids were dropped (reported, never fatal). */
  removedCharacters = 0

  constructor(private readonly fileName: string) {
    this.parser = new SaxesParser({ xmlns: true, position: true })
    this.parser.on('error', (error) => {
      this.failure ??= new WxrError(`${fileName} is not well-formed XML: ${error.message.replace(/^(?:[^:]*:)?(\d+):(\d+): /, 'line $1, column $2: ')}`)
    })
    // After the first fault the rest of the file means nothing: its events are ignored.
    this.parser.on('opentag', (tag) => this.failure || this.open(tag as SaxesTagNS))
    this.parser.on('closetag', () => this.failure || this.close())
    this.parser.on('text', (text) => this.failure || this.text(text))
    this.parser.on('cdata', (text) => this.failure || this.text(text))
  }

  write(chunk: string): void {
    const clean = chunk.replace(FORBIDDEN_CHARACTERS, () => {
      this.removedCharacters++
      return ''
    })
    this.parser.write(clean)
    this.throwIfFailed()
  }

  end(): void {
    this.parser.close()
    this.throwIfFailed()
    if (!this.siteSent) this.checkVersion('the end of the file')
  }

  /** The records completed so far (each handed over once). */
  records(): WxrRecord[] {
    return this.ready.splice(0)
  }

  private throwIfFailed() {
    if (this.failure) throw this.failure
  }

  private fail(message: string): never {
    this.failure ??= new WxrError(`${this.fileName} ${message}`)
    throw this.failure
  }

  private path(): string {
    return this.stack.map((frame) => frame.name).join('/')
  }

  private open(tag: SaxesTagNS) {
    const name = nameOf(tag)
    if (this.stack.length === 0 && name !== 'rss') {
      this.fail(`is not a WordPress export: it starts with <${tag.name}>, where a WordPress export (WXR) starts with <rss>.`)
    }
    const parent = this.path()
    let collect = false
    if (parent === 'rss/channel') {
      if (name === 'item') {
        this.sendSite('the first post')
        this.item = { fields: {}, terms: [], meta: {}, comments: 0 }
      } else if (CHANNEL_TERMS[name]) {
        this.sendSite(`<${name}>`)
        this.channelTerm = { kind: CHANNEL_TERMS[name], fields: {} }
      } else collect = true
    } else if (parent === 'rss/channel/item' && this.item) {
      if (name === 'wp:postmeta') this.meta = { key: '', value: '' }
      else if (name === 'wp:comment') this.item.comments++
      else collect = true
      if (name === 'category') {
        const attribute = (local: string) => tag.attributes[local]?.value ?? ''
        this.item.terms.push({ domain: attribute('domain'), nicename: attribute('nicename'), name: '' })
      }
    } else if (parent === 'rss/channel/item/wp:postmeta' || (this.channelTerm && this.stack.length === 3)) {
      collect = true
    }
    this.stack.push({ name, text: collect ? [] : null })
  }

  private text(text: string) {
    this.stack.at(-1)?.text?.push(text)
  }

  private close() {
    const frame = this.stack.pop()
    if (!frame) return
    const value = frame.text?.join('') ?? ''
    const parent = this.path()
    if (parent === 'rss/channel') {
      if (frame.name === 'item' && this.item) {
        this.ready.push({ kind: 'item', item: this.item })
        this.item = null
      } else if (this.channelTerm && CHANNEL_TERMS[frame.name]) {
        this.ready.push({ kind: this.channelTerm.kind, fields: this.channelTerm.fields } as WxrRecord)
        this.channelTerm = null
      } else this.siteField(frame.name, value.trim())
    } else if (parent === 'rss/channel/item' && this.item) {
      if (frame.name === 'wp:postmeta' && this.meta) {
        if (this.meta.key) this.item.meta[this.meta.key] = this.meta.value
        this.meta = null
      } else if (frame.name === 'category') {
        const term = this.item.terms.at(-1)
        if (term) term.name = value.trim()
      } else if (frame.text) this.item.fields[frame.name] = value
    } else if (parent === 'rss/channel/item/wp:postmeta' && this.meta) {
      if (frame.name === 'wp:meta_key') this.meta.key = value.trim()
      if (frame.name === 'wp:meta_value') this.meta.value = value
    } else if (this.channelTerm && frame.text) {
      this.channelTerm.fields[frame.name] = value.trim()
    } else if (parent === 'rss' && frame.name === 'channel') {
      this.sendSite('the end of the channel')
    }
  }

  private siteField(name: string, value: string) {
    if (name === 'title') this.site.title = value
    else if (name === 'link') this.site.link = value
    else if (name === 'wp:wxr_version') this.site.wxrVersion = value
    else if (name === 'wp:base_site_url') this.site.baseSiteUrl = value
    else if (name === 'wp:base_blog_url') this.site.baseBlogUrl = value
  }

  private checkVersion(where: string) {
    if (!this.site.wxrVersion) {
      this.fail(`is not a WordPress export: no <wp:wxr_version> before ${where} (an RSS feed is not an export: in WordPress use Tools → Export).`)
    }
    if (!SUPPORTED_VERSIONS.includes(this.site.wxrVersion)) {
      this.fail(`is a WordPress export of version ${this.site.wxrVersion}; this importer reads versions ${SUPPORTED_VERSIONS.join(', ')}.`)
    }
  }

  /** The site record goes first, once the channel's own fields (which WordPress writes first) are read. */
  private sendSite(where: string) {
    if (this.siteSent) return
    this.checkVersion(where)
    this.siteSent = true
    this.ready.push({ kind: 'site', site: { ...this.site } })
  }
}

/** Streams the records of a WXR file, reading it in chunks. */
export async function* readWxr(file: string, displayName = file, notes: WxrReadNotes = { removedCharacters: 0 }): AsyncGenerator<WxrRecord> {
  const parser = new WxrParser(displayName)
  let first = true
  let stream
  try {
    stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
    for await (const chunk of stream as AsyncIterable<string>) {
      // A byte-order mark is not XML.
      parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk)
      first = false
      yield* parser.records()
    }
  } catch (error) {
    if (error instanceof WxrError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new WxrError(`${displayName} does not exist.`)
    if (code === 'EISDIR') throw new WxrError(`${displayName} is a folder, not an export file.`)
    if (code === 'EACCES') throw new WxrError(`${displayName} cannot be read (permission denied).`)
    throw error
  } finally {
    stream?.destroy()
  }
  if (first) throw new WxrError(`${displayName} is empty.`)
  parser.end()
  notes.removedCharacters = parser.removedCharacters
  yield* parser.records()
}

