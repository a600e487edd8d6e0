import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { parse } from 'node-html-parser'

import { RichText } from '../../components/RichText'
import { type LexicalNode, type LexicalState, toPlainText } from '../../lib/richtext/lexical'
import type { LinkTarget } from '../../lib/wordpress/addresses'
import { convertHtml, type ConvertContext } from '../../lib/wordpress/html'
import { autop, prepareContent, type PrepareContext } from '../../lib/wordpress/prepare'
import { articleProjection, projectionHash, referencesIn, resolveContent } from '../../lib/wordpress/resolve'

/**
 * WordPress content → the article editor's Lexical JSON: block-editor markup and classic-editor
 * text, each construct once, and what the site renders of the result (components/RichText.tsx).
 */

const prepareContext: PrepareContext = {
  reusableBlock: (id) => (id === 150 ? '<!-- wp:paragraph --><p>Book a session.</p><!-- /wp:paragraph -->' : null),
  attachedImages: () => [7, 8],
}

const links: Record<string, LinkTarget> = {
  'https://old.example/2019/03/other/': { kind: 'post', postId: 102 },
  'https://old.example/wp-content/uploads/2019/03/room.jpg': { kind: 'image', key: '2019/03/room.jpg' },
  'https://old.example/about/': { kind: 'url', url: 'https://old.example/about/', note: 'a link to /about/ on the old site, which was not imported' },
  'javascript:alert(1)': { kind: 'none', note: 'a "javascript:" link (removed; its words are kept)' },
}

const context: ConvertContext = {
  postId: 101,
  locateImage: ({ src, attachmentId }) => {
    if (attachmentId) return `attachment-${attachmentId}.jpg`
    return src.includes('/wp-content/uploads/') ? src.slice(src.indexOf('/uploads/') + 9).replace(/-\d+x\d+(?=\.)/, '') : null
  },
  classifyLink: (href) => links[href] ?? { kind: 'url', url: href },
}

function convert(raw: string) {
  const prepared = prepareContent(raw, prepareContext)
  const converted = convertHtml(prepared.html, context)
  return { ...converted, notes: [...prepared.notes, ...converted.notes] }
}

const top = (state: LexicalState) => state.root.children
const types = (state: LexicalState) => top(state).map((node) => (node.tag ? `${node.type}:${node.tag}` : node.type))
const texts = (node: LexicalNode): { text: string; format: number }[] =>
  (node.children ?? []).flatMap((child) => (child.type === 'text' ? [{ text: child.text ?? '', format: Number(child.format) }] : texts(child)))

describe('classic-editor content (no <p>: paragraphs are blank-line separated)', () => {
  it('makes paragraphs of blank-line separated text, and line breaks of single newlines', () => {
    const { content } = convert('First line\nsecond line.\n\nNext paragraph.\r\n\r\n\r\nLast one.')
    expect(types(content)).toEqual(['paragraph', 'paragraph', 'paragraph'])
    expect(top(content)[0].children?.map((node) => node.type)).toEqual(['text', 'linebreak', 'text'])
    expect(toPlainText(content)).toBe('First line\nsecond line.\nNext paragraph.\nLast one.')
  })

  it('leaves block elements and <pre> as they are', () => {
    const html = autop('Intro\n<h2>Title</h2>\nAfter the heading\n\n<pre>a\n\nb</pre>\n\n<ul>\n<li>one</li>\n</ul>')
    expect(html).toBe('<p>Intro</p>\n<h2>Title</h2>\n<p>After the heading</p>\n<pre>a\n\nb</pre>\n<ul>\n<li>one</li>\n</ul>')
  })

  it('turns [caption] into an image with its caption, and [gallery] into its images', () => {
    const { content } = convert(
      'Text\n\n[caption id="attachment_3" width="300"]<a href="https://old.example/wp-content/uploads/2019/03/room.jpg"><img class="wp-image-3" src="x.jpg" alt="A room" /></a> The room[/caption]\n\n[gallery ids="4, 5"]\n\n[gallery]',
    )
    const uploads = top(content).filter((node) => node.type === 'upload')
    expect(uploads.map((node) => node.value)).toEqual([
      'wordpress:media:attachment-3.jpg',
      'wordpress:media:attachment-4.jpg',
      'wordpress:media:attachment-5.jpg',
      'wordpress:media:attachment-7.jpg',
      'wordpress:media:attachment-8.jpg',
    ])
    expect(uploads[0].wordpress).toEqual({ alt: 'A room', caption: 'The room', src: 'x.jpg' })
  })

  it('keeps unknown shortcodes as text and names them; bracketed words are not shortcodes', () => {
    const { content, notes } = convert('Book here: [contact-form-7 id="9"] [sic] [note]x[/note]')
    expect(toPlainText(content)).toBe('Book here: [contact-form-7 id="9"] [sic] [note]x[/note]')
    expect(notes).toEqual([
      'a [contact-form-7] shortcode (kept as text: what it showed came from a WordPress plugin)',
      'a [note] shortcode (kept as text: what it showed came from a WordPress plugin)',
    ])
  })
})

describe('block-editor content (<!-- wp:… --> comments)', () => {
  it('reads the blocks as HTML, expands reusable blocks, and names blocks WordPress drew at view time', () => {
    const { content, notes } = convert(
      '<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:block {"ref":150} /-->\n<!-- wp:latest-posts {"postsToShow":3} /-->\n<!-- wp:block {"ref":999} /-->\n<!-- wp:spacer -->\n<div style="height:100px" aria-hidden="true" class="wp-block-spacer"></div>\n<!-- /wp:spacer -->',
    )
    expect(toPlainText(content)).toBe('One\nBook a session.')
    expect(notes).toEqual([
      'a "latest posts" block, which WordPress drew when the page was shown (nothing to import)',
      'a reusable block (#999) that is not in the export',
    ])
  })

  it('makes paragraphs of classic text between blocks (a "classic" block has no comments)', () => {
    const { content } = convert('<!-- wp:paragraph --><p>Block</p><!-- /wp:paragraph -->\n\nFree text\nwith a break\n\n<!-- wp:paragraph --><p>Block again</p><!-- /wp:paragraph -->')
    expect(types(content)).toEqual(['paragraph', 'paragraph', 'paragraph'])
    expect(toPlainText(content)).toBe('Block\nFree text\nwith a break\nBlock again')
  })
})

describe('HTML → the editor’s nodes', () => {
  it('bold, italic and strikethrough as text formats; whitespace as a browser shows it', () => {
    const [paragraph] = top(convert('<p>  A <strong>bold <em>and italic</em></strong>\n <s>old</s> <del>gone</del>  end </p>').content)
    expect(texts(paragraph)).toEqual([
      { text: 'A ', format: 0 },
      { text: 'bold ', format: 1 },
      { text: 'and italic', format: 3 },
      { text: ' ', format: 0 },
      { text: 'old', format: 4 },
      { text: ' ', format: 0 },
      { text: 'gone', format: 4 },
      { text: ' end', format: 0 },
    ])
  })

  it('headings h2–h4: h1 (the title is the page’s h1) becomes h2, h5 and h6 become h4', () => {
    const { content } = convert('<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6><h2> </h2>')
    expect(types(content)).toEqual(['heading:h2', 'heading:h2', 'heading:h3', 'heading:h4', 'heading:h4', 'heading:h4'])
  })

  it('lists, nested as Lexical nests them, with their start number', () => {
    const { content } = convert('<ol start="3"><li>Warm <b>oil</b><ul><li>almond</li><li>jojoba</li></ul></li><li>Begin</li></ol>')
    const [list] = top(content)
    expect(list).toMatchObject({ type: 'list', listType: 'number', tag: 'ol', start: 3 })
    const items = list.children ?? []
    expect(items.map((item) => [item.value, item.children?.[0]?.type])).toEqual([
      [1, 'text'],
      [2, 'list'],
      [3, 'text'],
    ])
    const nested = items[1].children?.[0] as LexicalNode
    expect(nested).toMatchObject({ listType: 'bullet', tag: 'ul' })
    expect(nested.children?.map((item) => [item.indent, texts(item)[0].text])).toEqual([
      [1, 'almond'],
      [1, 'jojoba'],
    ])
  })

  it('quotes: their paragraphs as lines, the source after a dash', () => {
    const [quote] = top(convert('<blockquote class="wp-block-quote">\n<p>Sleep is</p>\n<p>the best meditation.</p>\n<cite>Dalai Lama</cite></blockquote>').content)
    expect(quote.type).toBe('quote')
    expect(quote.children?.map((node) => (node.type === 'text' ? node.text : node.type))).toEqual([
      'Sleep is',
      'linebreak',
      'the best meditation.',
      'linebreak',
      '— ',
      'Dalai Lama',
    ])
  })

  it('images with their caption (figure or [caption]), by attachment id or by file; other sites’ images as links', () => {
    const { content, notes } = convert(
      '<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2019/03/room-1024x683.jpg" alt=""/><figcaption>Our <em>quiet</em> room</figcaption></figure>' +
        '<p>Before <img src="https://images.example.org/yoga.jpg" alt="A yoga mat"> after</p>' +
        '<p>Smile <img class="emoji" alt="😀" src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f600.png"></p>',
    )
    expect(types(content)).toEqual(['upload', 'paragraph', 'paragraph', 'paragraph', 'paragraph'])
    expect(top(content)[0]).toMatchObject({ relationTo: 'media', value: 'wordpress:media:2019/03/room.jpg', wordpress: { caption: 'Our quiet room' } })
    expect(toPlainText(content)).toBe('Before\nA yoga mat\nafter\nSmile 😀')
    expect(notes).toEqual(['an image from images.example.org (kept as a link: images from other sites are not copied)'])
  })

  it('links: to other posts (internal, resolved later), to image files, to the web; script links lose the link only', () => {
    const { content, notes } = convert(
      '<p><a href="https://old.example/2019/03/other/">other post</a> <a href="https://old.example/wp-content/uploads/2019/03/room.jpg">big photo</a> <a href="https://example.org" target="_blank">study</a> <a href="javascript:alert(1)">click</a> <a href="https://old.example/about/">about</a> <a name="anchor">anchor</a></p>',
    )
    const linkNodes = (top(content)[0].children ?? []).filter((node) => node.type === 'link')
    expect(linkNodes.map((node) => node.fields)).toEqual([
      { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value: 'wordpress:post:102' }, url: 'https://old.example/2019/03/other/' },
      { linkType: 'custom', newTab: false, url: 'wordpress:media:2019/03/room.jpg', fallbackUrl: 'https://old.example/wp-content/uploads/2019/03/room.jpg' },
      { linkType: 'custom', newTab: true, url: 'https://example.org' },
      { linkType: 'custom', newTab: false, url: 'https://old.example/about/' },
    ])
    expect(toPlainText(content)).toBe('other post big photo study click about anchor')
    expect(notes).toEqual(['a "javascript:" link (removed; its words are kept)', 'a link to /about/ on the old site, which was not imported'])
  })

  it('keeps the words of what the editor cannot hold, and names each kind once', () => {
    const { content, notes } = convert(
      '<p><u>under</u> <code>npm</code> x<sup>2</sup> <mark>hi</mark> <u>again</u></p>' +
        '<figure class="wp-block-table"><table><thead><tr><th>Hours</th><th>Feeling</th></tr></thead><tbody><tr><td>6</td><td>tired</td></tr></tbody></table><figcaption>Sleep log</figcaption></figure>' +
        '<pre class="wp-block-code"><code>line 1\n  line 2</code></pre>' +
        '<pre class="wp-block-verse">Roses\nare red</pre>' +
        '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=x\n</div></figure>' +
        '<iframe src="https://player.vimeo.com/video/1"></iframe>' +
        '<script>alert(1)</script><form><input name="q"></form>' +
        '<hr class="wp-block-separator"/>',
    )
    expect(toPlainText(content)).toBe(
      'under npm x2 hi again\nHours | Feeling\n6 | tired\nSleep log\nline 1\n\u00a0\u00a0line 2\nRoses\nare red\nhttps://www.youtube.com/watch?v=x\nhttps://player.vimeo.com/video/1',
    )
    expect(types(content).at(-1)).toBe('horizontalrule')
    expect(notes).toEqual([
      'underlined text (shown plain: on the web underline reads as a link)',
      'inline code (shown as plain text)',
      'superscript or subscript (shown as plain text)',
      'highlighted text (shown plain)',
      'a table (kept as text: one line per row, cells separated by " | ")',
      'a code block (kept as plain text)',
      'an embedded video, audio or post from youtube.com (kept as a link)',
      'an embedded video, audio or post from player.vimeo.com (kept as a link)',
      'a <script> element (removed: the site shows no code or forms from an article)',
      'a form (removed: the site shows no code or forms from an article)',
    ])
  })

  it('gives the same JSON for the same post every time (how a second import sees nothing changed)', () => {
    const html = '<p><a href="https://old.example/2019/03/other/">x</a></p><img class="wp-image-3" src="a.jpg">'
    expect(convert(html).content).toEqual(convert(html).content)
    const other = convertHtml(html, { ...context, postId: 102 }).content
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(convert(html).content))
  })

  it('writes only node types the article editor has', () => {
    const { content } = convert(
      '<h2>a</h2><p><b>b</b><br><a href="https://example.org">c</a></p><ul><li>d<ol><li>e</li></ol></li></ul><blockquote>f</blockquote><img class="wp-image-1"><hr><table><tr><td>g</td></tr></table>',
    )
    const seen = new Set<string>()
    const visit = (node: LexicalNode) => {
      seen.add(node.type)
      node.children?.forEach(visit)
    }
    top(content).forEach(visit)
    const editorNodes = ['paragraph', 'heading', 'text', 'linebreak', 'link', 'list', 'listitem', 'quote', 'upload', 'horizontalrule']
    expect([...seen].filter((type) => !editorNodes.includes(type))).toEqual([])
  })
})

describe('resolving references to documents', () => {
  const { content } = convert(
    '<p><a href="https://old.example/2019/03/other/">other</a> and <a href="https://old.example/wp-content/uploads/2019/03/room.jpg">photo</a></p>' +
      '<figure><img class="wp-image-3" src="a.jpg" alt="A room"><figcaption>The room</figcaption></figure>' +
      '<figure><img class="wp-image-4" src="b.jpg"><figcaption>Lost picture</figcaption></figure>' +
      '<figure><img class="wp-image-5" src="c.jpg"><figcaption>Another caption</figcaption></figure>',
  )

  it('lists what a body refers to: images (with their words) and posts', () => {
    expect(referencesIn(content)).toEqual({
      media: [
        { key: '2019/03/room.jpg', hints: null },
        { key: 'attachment-3.jpg', hints: { alt: 'A room', caption: 'The room', src: 'a.jpg' } },
        { key: 'attachment-4.jpg', hints: { alt: '', caption: 'Lost picture', src: 'b.jpg' } },
        { key: 'attachment-5.jpg', hints: { alt: '', caption: 'Another caption', src: 'c.jpg' } },
      ],
      posts: [102],
    })
  })

  it('swaps references for ids; a missing image leaves its caption, a post not imported its old address', () => {
    const media: Record<string, { id: string; url: string; caption: string | null }> = {
      '2019/03/room.jpg': { id: 'm-room', url: '/api/media/file/room.webp', caption: null },
      'attachment-3.jpg': { id: 'm3', url: '/api/media/file/a.webp', caption: 'The room' },
      'attachment-5.jpg': { id: 'm5', url: '/api/media/file/c.webp', caption: 'First caption' },
    }
    const notes: string[] = []
    const resolved = resolveContent(content, { media: (key) => media[key] ?? null, article: () => null }, notes)
    const [paragraph, image, lostCaption, image5, otherCaption] = top(resolved)
    expect(paragraph.children?.filter((node) => node.type === 'link').map((node) => node.fields)).toEqual([
      { linkType: 'custom', newTab: false, url: 'https://old.example/2019/03/other/' },
      { linkType: 'custom', newTab: false, url: '/api/media/file/room.webp' },
    ])
    expect(image).toMatchObject({ type: 'upload', value: 'm3' })
    expect(image).not.toHaveProperty('wordpress')
    expect(toPlainText({ root: { ...resolved.root, children: [lostCaption] } })).toBe('Lost picture')
    expect(image5).toMatchObject({ type: 'upload', value: 'm5' })
    expect(texts(otherCaption)).toEqual([{ text: 'Another caption', format: 2 }])
    expect(notes).toEqual(['an image shown with another caption than its first use (this caption kept as a line below it)'])

    const linked = resolveContent(content, { media: (key) => media[key] ?? null, article: (postId) => (postId === 102 ? 'a-102' : null) })
    expect(top(linked)[0].children?.find((node) => node.type === 'link')?.fields).toEqual({
      linkType: 'internal',
      newTab: false,
      doc: { relationTo: 'articles', value: 'a-102' },
    })
  })

  it('renders on the site: headings, lists, quotes, links to articles, images with captions', () => {
    const { content: body } = convert(
      '<h2>Why</h2><p>See <a href="https://old.example/2019/03/other/">this</a>.</p><ul><li>a<ul><li>b</li></ul></li></ul><blockquote><p>Calm</p><cite>Me</cite></blockquote>' +
        '<figure><img class="wp-image-3" src="a.jpg" alt="A room"><figcaption>The room</figcaption></figure>',
    )
    const image = { id: 'm3', alt: 'A dim room', url: '/api/media/file/a.webp', caption: 'The room', width: 800, height: 600, sizes: {} }
    const resolved = resolveContent(body, {
      media: () => ({ id: 'm3', caption: 'The room' }),
      article: () => 'a-102',
    })
    // As a page read populates it (depth 1).
    const populated = JSON.parse(JSON.stringify(resolved).replace('"value":"m3"', `"value":${JSON.stringify(image)}`).replace('"value":"a-102"', '"value":{"id":"a-102","slug":"other-post"}'))
    const html = renderToStaticMarkup(createElement(RichText, { data: populated }))
    const root = parse(html)
    expect(root.querySelector('h2')?.text).toBe('Why')
    expect(root.querySelector('p a')?.getAttribute('href')).toBe('/blog/other-post')
    expect(root.querySelectorAll('ul > li > ul > li').map((li) => li.text)).toEqual(['b'])
    expect(root.querySelector('blockquote')?.innerHTML).toMatch(/^Calm<br\/?>\s*— <em>Me<\/em>$/)
    expect(root.querySelector('figure img')?.getAttribute('alt')).toBe('A dim room')
    expect(root.querySelector('figure figcaption')?.text).toBe('The room')
  })
})

describe('projectionHash', () => {
  it('is the same for the same article whatever the order of keys, ids or populated documents', () => {
    const written = { title: 'T', slug: 's', excerpt: null, content: { root: { a: 1, b: [1, 2] } }, heroImage: 'm1', author: 'a1', topics: ['t1'], publishedAt: '2019-03-12T14:30:00.000Z' }
    const stored = {
      publishedAt: '2019-03-12T14:30:00.000Z',
      topics: [{ id: 't1', name: 'Sleep' }],
      author: { id: 'a1' },
      heroImage: 'm1',
      content: { root: { b: [1, 2], a: 1 } },
      excerpt: '',
      slug: 's',
      title: 'T',
      summary: 'ignored',
      updatedAt: 'ignored',
    }
    expect(projectionHash(articleProjection(stored))).toBe(projectionHash(articleProjection(written)))
    expect(projectionHash(articleProjection({ ...stored, title: 'T2' }))).not.toBe(projectionHash(articleProjection(written)))
  })
})
