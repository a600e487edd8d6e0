import type { Article } from '@/payload-types'
import { populatedList } from '@/lib/queries/populated'
import { BENEFIT_LIST_BLOCK } from '@/lib/collections'
import { hasTopLevelBlock } from '@/lib/richtext/lexical'
import { BenefitList, type BenefitListItem } from './BenefitList'
import { ReferenceList } from './ReferenceList'
import { RichText } from './RichText'
import { TABLE_OF_CONTENTS_IDS } from './TableOfContents'

/** What the body needs of an article, as the page's query and the feeds' query both read it. */
export type ArticleBodyData = Pick<Article, 'content' | 'references'> & {
  benefits?: (string | BenefitListItem)[] | null
}

/**
 * Ids the article page gives to other things than the body's headings: the table of contents'
 * title and the benefit list's items (their slugs). Headings never take them, on the page and in
 * the feeds alike, so an anchor such as `#why-it-matters` means the same heading in both.
 */
export function reservedHeadingIds(article: ArticleBodyData): string[] {
  return [...TABLE_OF_CONTENTS_IDS, ...populatedList(article.benefits).map((benefit) => benefit.slug)]
}

/**
 * The article as content: its body with the numbered benefits where the writer placed the
 * "Benefit list" block (or after the body without one), then its sources. The article page
 * renders it between the table of contents and the footer; the feeds render the same markup
 * (components/articleFeedHtml.ts), so an article reads the same in a feed reader.
 */
export function ArticleBody({ article }: { article: ArticleBodyData }) {
  const benefitList = <BenefitList benefits={populatedList(article.benefits)} />
  const placedInBody = hasTopLevelBlock(article.content, BENEFIT_LIST_BLOCK)
  return (
    <>
      <RichText
        data={article.content}
        blocks={{ [BENEFIT_LIST_BLOCK]: () => benefitList }}
        reservedIds={reservedHeadingIds(article)}
      />
      {placedInBody ? null : benefitList}
      <ReferenceList references={article.references} />
    </>
  )
}
