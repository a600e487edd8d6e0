'use client'

import { useDocumentInfo, useField, useFormFields } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

import { slugify } from '@/lib/paths/slug'

/**
 * Keeps the slug field showing the slug of the whole title while she types, by the rule the save
 * hook applies (collections/fields/slug.ts) and with the same slugify: it follows the title until
 * the page is live (first publish; for collections without drafts, the first save), or until she
 * unlocks the field and writes a slug of her own. Renders nothing: Payload's slug field beside it
 * shows the value, and its "Unlock" still lets her edit it.
 */
export function SlugFollowsTitle({ useAsSlug = 'title' }: { useAsSlug?: string }) {
  const title = useFormFields(([fields]) => fields[useAsSlug]?.value)
  const stillFollowing = useFormFields(([fields]) => fields.generateSlug?.value) !== false
  const { value: slug, setValue } = useField<string | null>({ path: 'slug' })
  const { id, hasPublishedDoc, docConfig } = useDocumentInfo()
  const hasDrafts = Boolean(docConfig && 'versions' in docConfig && docConfig.versions?.drafts)
  const live = hasDrafts ? hasPublishedDoc || !stillFollowing : Boolean(id)

  const fromTitle = slugify(title)
  // The slug this component last saw or wrote; a different value in the field was typed by her.
  const seen = useRef(slug ?? '')
  const ownSlug = useRef(false)

  useEffect(() => {
    const current = slug ?? ''
    if (current !== seen.current) {
      seen.current = current
      // Typing the title's slug back, as the save hook sees it, means following the title again.
      ownSlug.current = current !== fromTitle
    }
    if (live || ownSlug.current || current === fromTitle) return
    seen.current = fromTitle
    setValue(fromTitle)
  }, [fromTitle, live, slug, setValue])

  return null
}
