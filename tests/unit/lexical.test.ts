import { block, editorState, heading, paragraph, toPlainText } from '@/lib/richtext/lexical'

describe('Lexical helpers', () => {
  it('builds a root with nodes in order, in the shape Payload stores', () => {
    const state = editorState([heading('Why'), paragraph('Because.'), block('benefitList', 'b1')])
    expect(state.root.type).toBe('root')
    expect(state.root.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'block'])
    expect(state.root.children[0]).toMatchObject({ tag: 'h2', children: [{ type: 'text', text: 'Why' }] })
    expect(state.root.children[2]).toMatchObject({ fields: { id: 'b1', blockType: 'benefitList' } })
  })

  it('reads plain text back, one line per block, skipping blocks without text', () => {
    const state = editorState([heading('Why', 'h3'), paragraph('Because.'), block('benefitList', 'b1'), paragraph('Done.')])
    expect(toPlainText(state)).toBe('Why\nBecause.\nDone.')
  })

  it('reads list items and nested inline nodes', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          {
            type: 'list',
            version: 1,
            children: [
              { type: 'listitem', version: 1, children: [{ type: 'text', version: 1, text: 'One' }] },
              {
                type: 'listitem',
                version: 1,
                children: [{ type: 'link', version: 1, children: [{ type: 'text', version: 1, text: 'Two' }] }],
              },
            ],
          },
        ],
      },
    }
    expect(toPlainText(state)).toBe('One\nTwo')
  })

  it('returns an empty string for missing or malformed content', () => {
    expect(toPlainText(null)).toBe('')
    expect(toPlainText(undefined)).toBe('')
    expect(toPlainText({})).toBe('')
    expect(toPlainText('text')).toBe('')
  })
})
