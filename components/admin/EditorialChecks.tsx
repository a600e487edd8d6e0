'use client'

import { useConfig, useFormFields } from '@payloadcms/ui'
import { useDeferredValue, useEffect, useMemo, useState } from 'react'

import { analyzeArticle, excerptSuggestion, uploadIdsIn, type Finding, type MediaAlt } from '@/lib/editorial'
import styles from './EditorialChecks.module.css'

/**
 * "Editorial checks" beside the editor: reads the article as it is being typed (the form's current
 * values, saved or not) and lists advice from lib/editorial. Purely advisory: nothing here blocks
 * saving or publishing. Meta title/description lengths are shown by the SEO fields themselves.
 */
export function EditorialChecks() {
  const title = useFormFields(([fields]) => fields.title?.value)
  const excerpt = useFormFields(([fields]) => fields.excerpt?.value)
  const content = useFormFields(([fields]) => fields.content?.value)
  // An array field's form value is its row count.
  const references = useFormFields(([fields]) => fields.references?.value)
  const mediaById = useBodyImageAlts(content)

  // Deferred so a long article never makes typing feel slow; the list catches up a moment later.
  const current = useMemo(() => ({ title, excerpt, content, references }), [title, excerpt, content, references])
  const article = useDeferredValue(current)
  const findings = useMemo(() => [...analyzeArticle(article, mediaById), ...excerptSuggestion(article)], [article, mediaById])

  return (
    <section className={styles.checks} aria-labelledby="editorial-checks-heading">
      <h3 id="editorial-checks-heading" className={styles.heading}>
        Editorial checks
      </h3>
      <p className={styles.intro}>Suggestions while you write. They never stop you publishing.</p>
      {findings.length === 0 ? (
        <p className={styles.allGood}>Nothing to flag so far.</p>
      ) : (
        <ul className={styles.list}>
          {findings.map((finding) => (
            <FindingItem key={`${finding.code}:${finding.message}`} finding={finding} />
          ))}
        </ul>
      )}
    </section>
  )
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li className={finding.level === 'warning' ? styles.warning : styles.info} data-code={finding.code}>
      <p className={styles.message}>
        <span className={styles.badge}>{finding.level === 'warning' ? 'Check' : 'Note'}</span> {finding.message}
      </p>
      <p className={styles.detail}>{finding.detail}</p>
      {finding.items && finding.items.length > 0 && finding.code !== 'health-claim-unreferenced' ? (
        <ul className={styles.items}>
          {finding.items.map((item, index) => (
            <li key={`${index}:${item}`}>{item}</li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/**
 * Images in the body are stored by id, so their alt text is fetched (with the editor's own
 * session) whenever the set of images changes; typing alone never triggers a request.
 */
function useBodyImageAlts(content: unknown): Record<string, MediaAlt> {
  const {
    config: { serverURL, routes },
  } = useConfig()
  const idsKey = useMemo(() => uploadIdsIn(content).sort().join(','), [content])
  const [mediaById, setMediaById] = useState<Record<string, MediaAlt>>({})

  useEffect(() => {
    if (!idsKey) return
    const controller = new AbortController()
    const params = new URLSearchParams({ depth: '0', limit: '100', 'select[alt]': 'true', 'select[filename]': 'true' })
    idsKey.split(',').forEach((id, index) => params.set(`where[id][in][${index}]`, id))
    fetch(`${serverURL}${routes.api}/media?${params}`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`media lookup: ${response.status}`))))
      .then((result: { docs: Array<MediaAlt & { id: string }> }) =>
        setMediaById(Object.fromEntries(result.docs.map((doc) => [String(doc.id), doc]))),
      )
      .catch((error: unknown) => {
        // Advisory only: without the lookup the image check is skipped, the others still run.
        if ((error as Error).name !== 'AbortError') console.warn('Editorial checks could not load image details', error)
      })
    return () => controller.abort()
  }, [idsKey, serverURL, routes.api])

  return mediaById
}
