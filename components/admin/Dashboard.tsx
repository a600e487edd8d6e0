import Link from 'next/link'
import type { ServerProps } from 'payload'

import { ARTICLES } from '@/lib/collections'
import { type ChecklistItem, firstRunChecklist } from '@/lib/onboarding/checklist'
import { site } from '@/lib/config/site'
import type { User } from '@/payload-types'
import styles from './Dashboard.module.css'

const LIST_LENGTH = 8

type ArticleRow = { id: string; title?: string | null; updatedAt?: string | null; publishedAt?: string | null }

const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(site.locale, { dateStyle: 'medium', timeStyle: 'short' }) : ''

/**
 * The top of the admin dashboard (admin.components.beforeDashboard): what a new site still needs
 * (the first-run checklist, until it is all done), then start writing, or pick up a draft. The
 * article lists are queried with the signed-in user's own access, so they show only what they may see.
 */
export async function Dashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const adminRoute = payload.config.routes.admin
  const editUrl = (id: string) => `${adminRoute}/collections/${ARTICLES}/${id}`
  const query = { collection: ARTICLES, user, overrideAccess: false, depth: 0, limit: LIST_LENGTH } as const

  const [drafts, published, checklist] = await Promise.all([
    // draft: true reads each article's latest version, so "published, with unpublished changes" counts too.
    payload.find({ ...query, draft: true, where: { _status: { equals: 'draft' } }, sort: '-updatedAt', select: { title: true, updatedAt: true } }),
    payload.find({ ...query, where: { _status: { equals: 'published' } }, sort: '-publishedAt', select: { title: true, publishedAt: true } }),
    firstRunChecklist({ payload, user: user as User, adminRoute }),
  ])

  return (
    <section className={styles.dashboard} aria-label="Writing desk">
      <FirstRunChecklist items={checklist} />
      <Link className={styles.write} href={`${adminRoute}/collections/${ARTICLES}/create`}>
        Write a new article
      </Link>
      <div className={styles.columns}>
        <ArticleList
          heading="Your drafts"
          empty="No drafts. Anything you start writing saves here as you type."
          rows={(drafts.docs as ArticleRow[]).map((doc) => ({ ...doc, date: `Edited ${when(doc.updatedAt)}` }))}
          editUrl={editUrl}
        />
        <ArticleList
          heading="Recently published"
          empty="Nothing published yet."
          rows={(published.docs as ArticleRow[]).map((doc) => ({ ...doc, date: `Published ${when(doc.publishedAt)}` }))}
          editUrl={editUrl}
        />
      </div>
    </section>
  )
}

/** Shown until every item is done; each ticks itself off from the data (lib/onboarding/checklist.ts). */
function FirstRunChecklist({ items }: { items: ChecklistItem[] }) {
  if (items.every((item) => item.done)) return null
  const left = items.filter((item) => !item.done).length
  return (
    <section className={`${styles.panel} ${styles.checklist}`} aria-labelledby="first-run-heading">
      <h2 id="first-run-heading" className={styles.heading}>
        Getting started <span className={styles.date}>{left === 1 ? '1 step left' : `${left} steps left`}</span>
      </h2>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.key} data-checklist-item={item.key} data-done={item.done}>
            <span>
              <span aria-hidden="true">{item.done ? '✓ ' : '○ '}</span>
              {item.done ? (
                <s>{item.label}</s>
              ) : (
                <Link href={item.href}>{item.label}</Link>
              )}
              <span className={styles.visuallyHidden}>{item.done ? ' (done)' : ' (to do)'}</span>
            </span>
            <span className={styles.date}>{item.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

function ArticleList(props: { heading: string; empty: string; rows: Array<ArticleRow & { date: string }>; editUrl: (id: string) => string }) {
  return (
    <div className={styles.panel}>
      <h2 className={styles.heading}>{props.heading}</h2>
      {props.rows.length === 0 ? (
        <p className={styles.empty}>{props.empty}</p>
      ) : (
        <ul className={styles.list}>
          {props.rows.map((row) => (
            <li key={row.id}>
              <Link href={props.editUrl(row.id)}>{row.title?.trim() || 'Untitled draft'}</Link>
              <span className={styles.date}>{row.date}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
