import { readFileSync } from 'node:fs'

import { notFound } from 'next/navigation'

import './replica.css'

/**
 * A Wellpress page's own markup and stylesheet served by the bare app: the framework's floor for
 * that page. BARE_REPLICA_HTML (read at `next build`) names a file holding the inside of the page's
 * `<body>` without its scripts, and replica.css beside this file is the page's stylesheet; both are
 * written by bench/lighthouse.ts from the running Wellpress server (and gitignored). Lighthouse
 * audits it beside the real page: the same HTML and CSS, the bare app's scripts only.
 */
const file = process.env.BARE_REPLICA_HTML

export default function ReplicaPage() {
  if (!file) notFound()
  // display: contents keeps the page's own elements as the body's children, as its CSS expects.
  return <div style={{ display: 'contents' }} dangerouslySetInnerHTML={{ __html: readFileSync(file, 'utf8') }} />
}
