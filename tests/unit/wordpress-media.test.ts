import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { sniffImageType } from '../../lib/media/imageType'
import { oldSite } from '../../lib/wordpress/addresses'
import { chooseAlt, MediaIndex, prepareImage } from '../../lib/wordpress/media'
import type { WpAttachment } from '../../lib/wordpress/model'

const UPLOADS = path.resolve('tests/fixtures/wordpress/uploads')
const site = oldSite({ link: 'https://janet-massage.example', baseSiteUrl: '', baseBlogUrl: '' })

const attachment = (id: number, attachedFile: string, extra: Partial<WpAttachment> = {}): WpAttachment => ({
  id,
  guid: '',
  title: '',
  url: `https://janet-massage.example/wp-content/uploads/${attachedFile}`,
  attachedFile,
  alt: '',
  caption: '',
  parent: 0,
  menuOrder: 0,
  ...extra,
})

function index(uploadsDir: string | null = UPLOADS) {
  const media = new MediaIndex(site, uploadsDir)
  media.addAttachment(attachment(201, '2019/03/sleep-room.jpg'))
  media.addAttachment(attachment(203, '2019/04/stretch-scaled.jpg'))
  return media
}

describe('MediaIndex: which image a post shows', () => {
  it('knows an image by its attachment id, by any size of its file, or by its unscaled name', () => {
    const media = index()
    expect(media.locate({ src: '', attachmentId: 201 })).toBe('2019/03/sleep-room.jpg')
    expect(media.locate({ src: 'https://janet-massage.example/wp-content/uploads/2019/03/sleep-room-1024x683.jpg', attachmentId: null })).toBe('2019/03/sleep-room.jpg')
    expect(media.locate({ src: '/wp-content/uploads/2019/04/stretch-300x200.jpg', attachmentId: null })).toBe('2019/04/stretch-scaled.jpg')
    expect(media.locate({ src: 'https://janet-massage.example/wp-content/uploads/2019/04/stretch.jpg', attachmentId: null })).toBe('2019/04/stretch-scaled.jpg')
  })

  it('keeps images of the old site outside the media library, by their original file', () => {
    const media = index()
    expect(media.locate({ src: 'https://janet-massage.example/wp-content/uploads/2019/03/oil-bottles-300x200.jpg', attachmentId: null })).toBe('2019/03/oil-bottles.jpg')
    expect(media.source('2019/03/oil-bottles.jpg')).toEqual({
      key: '2019/03/oil-bottles.jpg',
      attachment: null,
      candidates: ['2019/03/oil-bottles.jpg', '2019/03/oil-bottles-300x200.jpg'],
    })
  })

  it("takes another host's image only when its file is in the uploads copy (a CDN in front of the old site)", () => {
    const media = index()
    expect(media.locate({ src: 'https://i0.wp.com/janet-massage.example/wp-content/uploads/2019/03/oil-bottles.jpg', attachmentId: null })).toBe('2019/03/oil-bottles.jpg')
    expect(media.locate({ src: 'https://other-blog.example/wp-content/uploads/2019/03/their-photo.jpg', attachmentId: null })).toBeNull()
    expect(media.locate({ src: 'https://images.example.org/yoga.jpg', attachmentId: null })).toBeNull()
    expect(media.locate({ src: 'https://janet-massage.example/wp-content/uploads/2019/04/intake.pdf', attachmentId: null })).toBeNull()
  })

  it('finds files only inside the uploads folder', () => {
    const media = index()
    expect(media.findFile(['2019/03/missing.jpg', '2019/03/sleep-room.jpg'])).toBe(path.join(UPLOADS, '2019/03/sleep-room.jpg'))
    expect(media.findFile(['../export.xml', '/etc/passwd', '2019/../../export.xml'])).toBeNull()
    expect(index(null).findFile(['2019/03/sleep-room.jpg'])).toBeNull()
  })

  it('leaves non-images out of the media library', () => {
    const media = new MediaIndex(site, UPLOADS)
    expect(media.addAttachment(attachment(205, '2019/04/intake-form.pdf'))).toBe(false)
    expect(media.attachments()).toEqual([])
  })
})

describe('prepareImage: files the Media collection accepts', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-wp-media-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('passes JPEG, PNG, WebP and AVIF within the limit as they are', async () => {
    const prepared = await prepareImage(path.join(UPLOADS, '2019/03/sleep-room.jpg'))
    expect(prepared).toMatchObject({ ok: true, mimetype: 'image/jpeg', name: 'sleep-room.jpg' })
    expect(prepared.ok && prepared.note).toBeUndefined()
  })

  it('converts a GIF to PNG or JPEG (its first frame)', async () => {
    const prepared = await prepareImage(path.join(UPLOADS, '2019/04/animated.gif'))
    if (!prepared.ok) throw new Error(prepared.problem)
    expect(prepared.name).toMatch(/^animated\.(png|jpg)$/)
    expect(sniffImageType(prepared.data)).toBe(prepared.mimetype)
    expect(prepared.note).toMatch(/^converted from GIF to (PNG|JPG)/)
  })

  it('makes a photo over the size limit smaller', async () => {
    const big = path.join(dir, 'big.jpg')
    const noise = Buffer.alloc(3000 * 2000 * 3)
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) % 251
    await sharp(noise, { raw: { width: 3000, height: 2000, channels: 3 } }).jpeg({ quality: 95 }).toFile(big)
    const limit = 1024 * 1024
    const prepared = await prepareImage(big, limit)
    if (!prepared.ok) throw new Error(prepared.problem)
    expect(prepared.size).toBeLessThanOrEqual(limit)
    expect(prepared.note).toMatch(/^made smaller: .* is over the 1 MB limit/)
    const { width = 0 } = await sharp(prepared.data).metadata()
    expect(width).toBeLessThanOrEqual(2560)
    expect(width).toBeGreaterThanOrEqual(1600)
  })

  it('refuses SVG (it can carry script) and what is no image at all', async () => {
    const svg = path.join(dir, 'logo.svg')
    writeFileSync(svg, '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    expect(await prepareImage(svg)).toEqual({ ok: false, problem: expect.stringMatching(/^an SVG image/) })
    const text = path.join(dir, 'photo.jpg')
    writeFileSync(text, 'not a photo')
    expect(await prepareImage(text)).toEqual({ ok: false, problem: 'not an image the site can read' })
  })
})

describe('chooseAlt', () => {
  it('takes the first meaningful text: alt in WordPress, alt in the post, caption, title', () => {
    expect(chooseAlt({ alt: 'A dim treatment room', contentAlt: 'Other' }, '2019/03/room.jpg', '"Sleep"')).toEqual({ alt: 'A dim treatment room', made: false })
    expect(chooseAlt({ alt: 'IMG_2040', contentAlt: 'Three bottles of oil' }, '2019/03/x.jpg', '"Sleep"')).toEqual({ alt: 'Three bottles of oil', made: false })
    expect(chooseAlt({ caption: 'Our quiet room' }, '2019/03/room.jpg', '"Sleep"')).toEqual({ alt: 'Our quiet room', made: false })
    expect(chooseAlt({ title: 'Shoulder stretch' }, '2019/04/stretch.jpg', '"Sleep"')).toEqual({ alt: 'Shoulder stretch', made: false })
  })

  it('never takes a title that is only the file name; says when it had to make one up', () => {
    expect(chooseAlt({ title: 'lavender' }, '2019/03/lavender.png', '"Massage & Sleep"')).toEqual({ alt: 'Picture from "Massage & Sleep"', made: true })
    expect(chooseAlt({ title: 'big photo' }, '2019/03/big_photo-scaled.jpg', '"x"').made).toBe(true)
  })
})
