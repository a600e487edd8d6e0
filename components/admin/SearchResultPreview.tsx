'use client'

import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useDeferredValue, useEffect, useMemo, useState } from 'react'

import { DESCRIPTION_MAX_LENGTH, ownDescription, type SearchResultPreviewProps, truncateAtWord } from '@/lib/seo/summary'


const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/**
 * The SEO fields' search-result preview, drawn from the form as she types (the SEO plugin's own
 * asks the server once, when the page opens, and so showed a new article the home page's
 * address): the real address of the page, the title and the description it will have.
 */
/** Her practice's name, as the page's <title> ends with it (read from the settings once). */
function usePracticeName(): string {
  const [name, setName] = useState('')
  useEffect(() => {
    const controller = new AbortController()
    fetch('/api/globals/practice?depth=0&select[name]=true', { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((practice: { name?: string } | null) => setName(practice?.name ?? ''))
      .catch(() => {})
    return () => controller.abort()
  }, [])
  return name
}

export function SearchResultPreview({ siteUrl, pathPrefixes }: SearchResultPreviewProps) {
  const siteName = usePracticeName()
  const { collectionSlug } = useDocumentInfo()
  const fields = useFormFields(([formFields]) => formFields)
  const values = useDeferredValue(fields)

  const { address, title, description } = useMemo(() => {
    const value = (path: string) => values[path]?.value
    const slug = text(value('slug'))
    const prefix = collectionSlug ? pathPrefixes[collectionSlug] : undefined
    const name = text(value('title')) || text(value('name'))
    const own = ownDescription({ excerpt: value('excerpt'), content: value('content'), summary: value('summary'), description: value('description') })
    return {
      address: prefix && slug ? `${siteUrl}${prefix}${slug}` : null,
      title: text(value('meta.title')) || (name ? (siteName ? `${name} · ${siteName}` : name) : ''),
      description: truncateAtWord(text(value('meta.description')) || own, DESCRIPTION_MAX_LENGTH),
    }
  }, [values, collectionSlug, pathPrefixes, siteUrl, siteName])

  return (
    <div className="field-type" style={{ marginBottom: 20 }} data-testid="search-result-preview">
      <div>Preview</div>
      <div style={{ color: 'var(--theme-elevation-500)', marginBottom: 5 }}>How the page may look in search results.</div>
      <div
        style={{
          background: 'var(--theme-elevation-50)',
          borderRadius: 5,
          boxShadow: '0 0 10px rgba(0, 0, 0, 0.1)',
          maxWidth: 600,
          padding: 20,
          width: '100%',
        }}
      >
        <div data-testid="search-result-preview-url">{address ?? 'The address appears once the page has a title.'}</div>
        <h4 style={{ margin: 0 }}>{title}</h4>
        <p style={{ margin: 0 }}>{description}</p>
      </div>
    </div>
  )
}
