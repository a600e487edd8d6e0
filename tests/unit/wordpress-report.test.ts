import { formatReport, newReport, totals } from '../../lib/wordpress/report'

describe('the import summary', () => {
  const report = newReport('export.xml', false)
  report.site = { title: "Janet's Journal", url: 'https://old.example', wxrVersion: '1.2' }
  report.counts.articles = { created: 3, updated: 1, unchanged: 2, skipped: 1, failed: 0 }
  report.counts.media = { created: 2, updated: 0, unchanged: 0, skipped: 1, failed: 1 }
  report.scheduled.push({ title: 'Spring Workshop', at: '2099-04-01T09:00:00.000Z' })
  report.skipped.push('"Old" (post 7): in the trash')
  report.problems.push('image 2019/03/x.jpg (shown in "Sleep"): not found in the uploads folder')
  report.adapted.push('"Sleep" (post 1): a table (kept as text)')
  report.purge = 'The running site was told.'

  it('counts created, updated, unchanged, skipped (and failed) per kind, then lists what to look at', () => {
    expect(formatReport(report)).toBe(
      [
        "WordPress import of export.xml (Janet's Journal, https://old.example)",
        '',
        'Articles:   3 created, 1 updated, 2 unchanged, 1 skipped',
        'Images:     2 created, 0 updated, 0 unchanged, 1 skipped, 1 failed',
        'Authors:    0 created, 0 updated, 0 unchanged, 0 skipped',
        'Topics:     0 created, 0 updated, 0 unchanged, 0 skipped',
        'Redirects:  0 created, 0 updated, 0 unchanged, 0 skipped',
        '',
        'Scheduled (1):',
        '  - "Spring Workshop" publishes at 2099-04-01T09:00:00.000Z',
        '',
        'Skipped (1):',
        '  - "Old" (post 7): in the trash',
        '',
        'Problems (1):',
        '  - image 2019/03/x.jpg (shown in "Sleep"): not found in the uploads folder',
        '',
        'Changed to fit the site (words kept as text) (1):',
        '  - "Sleep" (post 1): a table (kept as text)',
        '',
        'The running site was told.',
        '',
        'Done: 5 created, 1 updated, 2 unchanged, 2 skipped, 1 problem.',
      ].join('\n'),
    )
    expect(totals(report)).toEqual({ created: 5, updated: 1, unchanged: 2, skipped: 2, failed: 1 })
  })

  it('says plainly when it was a dry run', () => {
    const dry = newReport('export.xml', true)
    dry.counts.articles.created = 4
    const text = formatReport(dry)
    expect(text.split('\n')[0]).toBe('WordPress import of export.xml: DRY RUN, nothing was written')
    expect(text).toContain('Articles:   4 to create, 0 to update, 0 unchanged, 0 skipped')
    expect(text.split('\n').at(-1)).toBe('Dry run: 4 to create, 0 to update, 0 unchanged, 0 skipped, 0 problems.')
  })
})
