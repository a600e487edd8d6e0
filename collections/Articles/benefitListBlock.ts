import type { Block } from 'payload'

import { BENEFIT_LIST_BLOCK } from '../../lib/collections'

/**
 * Marks where in the article body its numbered benefit list appears. The list itself comes from
 * the article's `benefits` field, so reordering benefits there reorders them on the page.
 */
export const BenefitListBlock: Block = {
  slug: BENEFIT_LIST_BLOCK,
  interfaceName: 'BenefitListBlock',
  labels: { singular: 'Benefit list', plural: 'Benefit lists' },
  fields: [
    {
      name: 'note',
      type: 'text',
      admin: {
        description:
          'The numbered list of this article\'s benefits appears here. Choose and order them in the "Benefits" field.',
      },
    },
  ],
}
