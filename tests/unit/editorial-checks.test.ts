import { analyzeArticle } from '@/lib/editorial'
import { checkHeadings } from '@/lib/editorial/headings'
import { checkHealthClaims, findClaimWords, referenceCount } from '@/lib/editorial/healthClaims'
import { checkImageAlt, isMeaninglessAlt, uploadIdsIn } from '@/lib/editorial/images'
import { checkLinks } from '@/lib/editorial/links'
import { checkReadability, countSyllables, readabilityStats, splitSentences } from '@/lib/editorial/readability'
import { editorState, heading, paragraph, type LexicalNode } from '@/lib/richtext/lexical'

const text = (value: string): LexicalNode => ({ type: 'text', text: value, version: 1, format: 0, detail: 0, mode: 'normal', style: '' })

/** A link as Payload's Lexical link feature stores it. */
const link = (label: string, fields: Record<string, unknown>): LexicalNode => ({
  type: 'link',
  version: 3,
  fields: { newTab: false, ...fields },
  children: label ? [text(label)] : [],
})

const paragraphWith = (...children: LexicalNode[]): LexicalNode => ({ ...paragraph(''), children })
const upload = (value: unknown): LexicalNode => ({ type: 'upload', version: 3, relationTo: 'media', value })
const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code)

describe('heading levels', () => {
  it('accepts an outline that starts at h2 and deepens one level at a time, and any step back up', () => {
    const content = editorState([heading('A', 'h2'), heading('B', 'h3'), heading('C', 'h4'), heading('D', 'h2'), heading('E', 'h3')])
    expect(checkHeadings(content)).toEqual([])
  })

  it('warns when a heading skips a level, naming the jump and the heading', () => {
    const findings = checkHeadings(editorState([heading('Why massage', 'h2'), heading('Circulation', 'h4')]))
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ level: 'warning', code: 'heading-skip', items: ['h2 → h4 at “Circulation”'] })
  })

  it('treats the title as the h1, so a body that opens with h3 skips h2', () => {
    const findings = checkHeadings(editorState([paragraph('Intro.'), heading('Details', 'h3')]))
    expect(findings[0]).toMatchObject({ code: 'heading-skip', items: ['h1 → h3 at “Details”'] })
  })

  it('warns about an h1 in the body (pasted content can bring one)', () => {
    const findings = checkHeadings(editorState([{ ...heading('Second title'), tag: 'h1' }, heading('Fine', 'h2')]))
    expect(codes(findings)).toEqual(['heading-h1'])
    expect(findings[0].items).toEqual(['“Second title”'])
  })
})

describe('links', () => {
  it('accepts a descriptive link to a web address and an internal link to an article', () => {
    const content = editorState([
      paragraphWith(
        text('See '),
        link('how massage lowers stress', { linkType: 'custom', url: 'https://example.com/stress' }),
        text(' and '),
        link('our immune article', { linkType: 'internal', doc: { relationTo: 'articles', value: 'abc123' } }),
      ),
    ])
    expect(checkLinks(content)).toEqual([])
  })

  it('flags "click here", "here", "read more" and "this link", whatever the case or punctuation', () => {
    const content = editorState([
      paragraphWith(
        link('Click here', { linkType: 'custom', url: 'https://a.example' }),
        link('here.', { linkType: 'custom', url: 'https://b.example' }),
        link('Read more…', { linkType: 'custom', url: 'https://c.example' }),
        link('this link', { linkType: 'custom', url: 'https://d.example' }),
        link('Hereford cattle', { linkType: 'custom', url: 'https://e.example' }),
      ),
    ])
    const findings = checkLinks(content)
    expect(codes(findings)).toEqual(['link-vague-text'])
    expect(findings[0].items).toEqual(['“Click here”', '“here.”', '“Read more…”', '“this link”'])
    expect(findings[0].message).toBe('4 links say “click here” or similar.')
  })

  it('flags links without words and links without a destination', () => {
    const content = editorState([
      paragraphWith(
        link('', { linkType: 'custom', url: 'https://a.example' }),
        link('   ', { linkType: 'custom', url: 'https://b.example' }),
        link('booking page', { linkType: 'custom', url: '' }),
        link('an article', { linkType: 'internal', doc: null }),
      ),
    ])
    const findings = checkLinks(content)
    expect(codes(findings)).toEqual(['link-empty-text', 'link-no-destination'])
    expect(findings[0].message).toBe('2 links have no text.')
    expect(findings[1].items).toEqual(['“booking page”', '“an article”'])
  })
})

describe('health claims', () => {
  it('finds the claim words and their inflections, once each, as whole words only', () => {
    expect(
      findClaimWords('Massage CURES back pain, treats stress and is guaranteed to help. It cured me; it may prevent flu. Preventing it too.'),
    ).toEqual(['cures', 'treats', 'guaranteed', 'cured', 'prevent', 'preventing'])
    expect(findClaimWords('A treatment plan, prevention tips, a secure room, a treaty and a curious cat.')).toEqual([])
  })

  it('warns with the words found in the title, excerpt and body when the article lists no references', () => {
    const findings = checkHealthClaims({
      title: 'Massage that cures headaches',
      excerpt: 'Guaranteed calm.',
      content: editorState([heading('It treats stress'), paragraph('Regular sessions prevent injury.')]),
      references: [],
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ level: 'warning', code: 'health-claim-unreferenced', items: ['cures', 'guaranteed', 'treats', 'prevent'] })
    expect(findings[0].message).toBe('Health-claim words without a reference: “cures”, “guaranteed”, “treats”, “prevent”.')
  })

  it('is satisfied by any reference, whether given as saved rows or as the admin form’s row count', () => {
    const article = { title: 'Massage cures everything', content: editorState([paragraph('Really.')]) }
    expect(checkHealthClaims({ ...article, references: [{ title: 'A study', url: 'https://doi.org/10/x' }] })).toEqual([])
    expect(checkHealthClaims({ ...article, references: 1 })).toEqual([])
    expect(codes(checkHealthClaims({ ...article, references: 0 }))).toEqual(['health-claim-unreferenced'])
    expect(codes(checkHealthClaims({ ...article, references: undefined }))).toEqual(['health-claim-unreferenced'])
    expect(referenceCount([{}, {}])).toBe(2)
  })
})

describe('readability', () => {
  it('counts syllables of everyday words as a reader would', () => {
    expect(['cat', 'the', 'table', 'massage', 'system', 'therapy', 'relaxation', 'shoulders', 'loved', 'wanted', 'boxes', 'pages', 'massages', 'hopes'].map(countSyllables)).toEqual([
      1, 1, 2, 2, 2, 3, 4, 2, 1, 2, 2, 2, 3, 1,
    ])
  })

  it('splits sentences at full stops, questions and exclamations, keeping closing quotes with their sentence', () => {
    expect(splitSentences('Massage helps. Does it hurt? No! It relaxes “you.” Then rest')).toEqual([
      'Massage helps.',
      'Does it hurt?',
      'No!',
      'It relaxes “you.”',
      'Then rest',
    ])
  })

  it('computes Flesch reading ease with the standard formula', () => {
    // 6 one-syllable words in one sentence: 206.835 − 1.015 × 6 − 84.6 × 1 = 116.1
    expect(readabilityStats(['The cat sat on the mat.'])).toMatchObject({ words: 6, sentences: 1, syllables: 6, fleschReadingEase: 116.1, averageSentenceLength: 6 })
  })

  it('calls short plain sentences easy (info) and long polysyllabic ones hard (warning, with the hint)', () => {
    const plain = editorState([
      paragraph('Massage helps you relax. It eases sore muscles. Many people sleep better after a session. Drink water when you get home. Rest if you feel tired.'),
      paragraph('Book a time that suits you. Tell me where it hurts. We go at your pace.'),
    ])
    const [easy] = checkReadability(plain)
    expect(easy).toMatchObject({ level: 'info', code: 'readability' })
    expect(easy.message).toMatch(/^Reading ease \d+ \((easy|very easy)\); sentences average 5 words\.$/)

    const dense = editorState([
      paragraph(
        'Therapeutic manipulation of musculoskeletal tissues demonstrably facilitates physiological relaxation, parasympathetic activation, and consequently considerable amelioration of generalized psychological anxiety experienced by individuals with occupational musculoskeletal complaints and associated inflammatory conditions.',
      ),
    ])
    const [hard] = checkReadability(dense)
    expect(hard.level).toBe('warning')
    expect(hard.detail).toBe('Aim for 60+ and about 15–20 words a sentence; shorter sentences and everyday words help.')
    expect(hard.items).toEqual(['30 words: “Therapeutic manipulation of musculoskeletal tissues demonstrably facilitates physiological…”'])
  })

  it('says nothing about a body too short to score', () => {
    expect(checkReadability(editorState([paragraph('Just a start.')]))).toEqual([])
    expect(checkReadability(undefined)).toEqual([])
  })
})

describe('image alt text', () => {
  it('flags body images whose loaded media has empty, generic or file-name alt text', () => {
    const content = editorState([
      upload({ id: 'm1', filename: 'shoulders.jpg', alt: 'Therapist working on a client’s shoulders' }),
      upload({ id: 'm2', filename: 'IMG_2041.jpg', alt: 'IMG_2041.jpg' }),
      upload({ id: 'm3', filename: 'room.png', alt: 'photo' }),
      upload('m4-id-only'),
    ])
    const findings = checkImageAlt(content)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'image-alt', items: ['IMG_2041.jpg', 'room.png'] })
  })

  it('checks images stored by id against looked-up media, and lists their ids for the lookup', () => {
    const content = editorState([upload('m5'), upload('m6'), upload('m5'), upload('m7')])
    expect(uploadIdsIn(content)).toEqual(['m5', 'm6', 'm7'])
    const findings = checkImageAlt(content, {
      m5: { alt: '', filename: 'back.jpg' },
      m6: { alt: 'Hot stones lined up on a towel', filename: 'stones.jpg' },
    })
    expect(findings[0].items).toEqual(['back.jpg', 'back.jpg'])
  })

  it('knows meaningless alt text when it sees it', () => {
    expect(['', ' ', 'image', 'DSC_0042', 'pxl 20240101', 'hands.webp'].every(isMeaninglessAlt)).toBe(true)
    expect(isMeaninglessAlt('Warm stones on a client’s back')).toBe(false)
  })
})

describe('analyzeArticle', () => {
  it('lists warnings before information and tolerates an empty new article', () => {
    expect(analyzeArticle({})).toEqual([])
    expect(analyzeArticle({ title: '', content: { root: { children: [] } }, references: 0 })).toEqual([])
    const findings = analyzeArticle({
      title: 'Stretching basics',
      content: editorState([
        paragraph('Stretch a little every day. Move slowly and breathe out as you stretch. Stop if it hurts. Warm muscles stretch more easily than cold ones, so stretch after a walk.'),
        heading('Neck', 'h4'),
      ]),
    })
    expect(codes(findings)).toEqual(['heading-skip', 'readability'])
    expect(findings.map((finding) => finding.level)).toEqual(['warning', 'info'])
  })
})
