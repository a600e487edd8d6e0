import {
  type AddressBook,
  classifyLink,
  oldAddresses,
  oldSite,
  oldSiteUrl,
  originalOfSize,
  safeRelativePath,
  uploadPath,
  withoutEditSuffix,
} from '../../lib/wordpress/addresses'
import { wordpressShortLink } from '../../lib/wordpress/shortLink'

const site = oldSite({ link: 'https://janet-massage.example', baseSiteUrl: 'https://janet-massage.example/wp', baseBlogUrl: 'https://www.janet-massage.example' })

describe('the old site', () => {
  it('knows its hosts with and without www, and where its blog lives', () => {
    expect([...site.hosts].sort()).toEqual(['janet-massage.example', 'www.janet-massage.example'])
    expect(site.home.href).toBe('https://www.janet-massage.example/')
    expect(site.homePath).toBe('')
    expect(oldSite({ link: '', baseSiteUrl: '', baseBlogUrl: 'https://old.example/blog/' }).homePath).toBe('/blog')
  })

  it('tells its own URLs (absolute or relative) from other sites and non-web links', () => {
    expect(oldSiteUrl('https://janet-massage.example/a/', site)?.pathname).toBe('/a/')
    expect(oldSiteUrl('http://WWW.janet-massage.example/a', site)?.pathname).toBe('/a')
    expect(oldSiteUrl('/2019/03/x/', site)?.pathname).toBe('/2019/03/x/')
    expect(oldSiteUrl('https://example.org/a', site)).toBeNull()
    expect(oldSiteUrl('//example.org/a', site)).toBeNull()
    expect(oldSiteUrl('mailto:janet@example.org', site)).toBeNull()
    expect(oldSiteUrl('#top', site)).toBeNull()
  })
})

describe('oldAddresses', () => {
  it("are the permalink's path and /?p=<id>, stored as the redirects collection stores them", () => {
    expect(oldAddresses({ id: 101, link: 'https://janet-massage.example/2019/03/12/Massage-And-Sleep/', guid: 'https://janet-massage.example/?p=101' }, site)).toEqual([
      '/2019/03/12/massage-and-sleep',
      '/?p=101',
    ])
  })

  it('keep a percent-escaped slug in both spellings (WordPress writes lower case, browsers send upper)', () => {
    expect(oldAddresses({ id: 111, link: 'https://janet-massage.example/2019/07/01/%c3%bcber-massage/', guid: '' }, site)).toEqual([
      '/2019/07/01/%c3%bcber-massage',
      '/2019/07/01/%C3%BCber-massage',
      '/?p=111',
    ])
  })

  it("leave out another site's link and the home page", () => {
    expect(oldAddresses({ id: 5, link: 'https://elsewhere.example/x/', guid: 'https://janet-massage.example/' }, site)).toEqual(['/?p=5'])
  })
})

describe('wordpressShortLink', () => {
  it.each([
    ['/', 'p=12', '/?p=12'],
    ['/index.php', 'p=12&utm_source=x', '/?p=12'],
    ['/', 'p=0012', '/?p=12'],
    ['/', 'p=0', null],
    ['/', 'p=12a', null],
    ['/', 'page_id=3', null],
    ['/blog', 'p=12', null],
  ])('%s?%s → %j', (pathname, search, expected) => {
    expect(wordpressShortLink(pathname, new URLSearchParams(search))).toBe(expected)
  })
})

describe('uploaded files', () => {
  it('finds the path below wp-content/uploads (and multisite folders), decoded and safe', () => {
    expect(uploadPath(new URL('https://x.example/wp-content/uploads/2019/03/sleep-room-1024x683.jpg?resize=1'))).toBe('2019/03/sleep-room-1024x683.jpg')
    expect(uploadPath(new URL('https://i0.wp.com/x.example/wp-content/uploads/2019/03/a%20b.jpg'))).toBe('2019/03/a b.jpg')
    expect(uploadPath(new URL('https://x.example/wp-content/blogs.dir/2/files/2019/03/a.jpg'))).toBe('2019/03/a.jpg')
    expect(uploadPath(new URL('https://x.example/wp-content/uploads/%2e%2e/wp-config.php'))).toBeNull()
    expect(uploadPath(new URL('https://x.example/2019/03/a.jpg'))).toBeNull()
  })

  it('maps the sizes WordPress made back to the original', () => {
    expect(originalOfSize('2019/03/photo-1024x683.jpg')).toBe('2019/03/photo.jpg')
    expect(originalOfSize('2019/03/photo-1024x683-1024x683.jpg')).toBe('2019/03/photo-1024x683.jpg')
    expect(originalOfSize('2019/03/photo.jpg')).toBe('2019/03/photo.jpg')
    expect(withoutEditSuffix('2019/04/stretch-scaled.jpg')).toBe('2019/04/stretch.jpg')
    expect(withoutEditSuffix('2019/04/stretch-rotated.png')).toBe('2019/04/stretch.png')
  })

  it('refuses paths that leave the uploads folder', () => {
    expect(safeRelativePath('/2019/a.jpg')).toBe('2019/a.jpg')
    for (const path of ['../a.jpg', '2019/../../a.jpg', '2019\\a.jpg', './a.jpg', '']) expect(safeRelativePath(path)).toBeNull()
  })
})

describe('classifyLink', () => {
  const book: AddressBook = {
    site,
    postByAddress: new Map([
      ['/2019/03/12/massage-and-sleep', 101],
      ['/?p=101', 101],
      ['/?p=103', 103],
    ]),
    imageKey: (url) => (url.pathname.endsWith('.jpg') ? '2019/03/photo.jpg' : null),
    categoryPath: (nicename) => (nicename === 'sleep' ? '/topics/sleep' : null),
  }

  it.each([
    ['https://janet-massage.example/2019/03/12/massage-and-sleep/', { kind: 'post', postId: 101 }],
    ['/2019/03/12/Massage-And-Sleep', { kind: 'post', postId: 101 }],
    ['https://www.janet-massage.example/?p=103', { kind: 'post', postId: 103 }],
    ['https://janet-massage.example/wp-content/uploads/2019/03/photo-300x200.jpg', { kind: 'image', key: '2019/03/photo.jpg' }],
    ['https://janet-massage.example/category/wellness/sleep/', { kind: 'url', url: '/topics/sleep' }],
    ['https://janet-massage.example/', { kind: 'url', url: '/' }],
    ['https://example.org/study', { kind: 'url', url: 'https://example.org/study' }],
    ['mailto:janet@example.org', { kind: 'url', url: 'mailto:janet@example.org' }],
    ['#section', { kind: 'url', url: '#section' }],
    ['', { kind: 'none' }],
  ])('%j → %j', (href, target) => {
    expect(classifyLink(href, book)).toEqual(target)
  })

  it('keeps links to what was not imported, and says so', () => {
    expect(classifyLink('https://janet-massage.example/about/', book)).toEqual({
      kind: 'url',
      url: 'https://janet-massage.example/about/',
      note: 'a link to /about/ on the old site, which was not imported',
    })
    expect(classifyLink('https://janet-massage.example/wp-content/uploads/2019/04/form.pdf', book)).toMatchObject({
      kind: 'url',
      note: expect.stringMatching(/a link to a file on the old site, not imported/),
    })
  })

  it('drops the link (never the words) of a script link', () => {
    expect(classifyLink(' JavaScript:alert(1)', book)).toEqual({ kind: 'none', note: 'a "javascript:" link (removed; its words are kept)' })
  })
})
