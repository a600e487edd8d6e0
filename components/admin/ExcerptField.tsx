'use client'

import { TextareaField, useFormFields } from '@payloadcms/ui'
import type { TextareaFieldClientProps } from 'payload'
import { useDeferredValue, useMemo } from 'react'

import { summaryFromBody } from '@/lib/seo/summary'

/**
 * The excerpt field, with the summary the body gives as its placeholder: while she leaves it empty
 * she sees what cards, search results and link previews will show instead (the same function the
 * save hook stores it with), updating as she writes.
 */
export function ExcerptField(props: TextareaFieldClientProps) {
  const content = useFormFields(([fields]) => fields.content?.value)
  // Deferred: deriving it never slows typing in a long article.
  const deferred = useDeferredValue(content)
  const fromBody = useMemo(() => summaryFromBody(deferred), [deferred])
  const field = useMemo(
    () => ({ ...props.field, admin: { ...props.field.admin, placeholder: fromBody || props.field.admin?.placeholder } }),
    [props.field, fromBody],
  )
  return <TextareaField {...props} field={field} />
}
