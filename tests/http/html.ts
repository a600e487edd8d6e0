import { parse, type HTMLElement } from 'node-html-parser'

import { baseUrl } from './server'

export type Page = { status: number; headers: Headers; html: string; doc: HTMLElement }

/** A page of the shared test server, or of the server at `origin` (a test's own). */
export async function get(pathname: string, init: RequestInit = {}, origin = baseUrl()): Promise<Page> {
  const response = await fetch(`${origin}${pathname}`, { redirect: 'manual', ...init })
  const html = await response.text()
  return { status: response.status, headers: response.headers, html, doc: parse(html) }
}

/** Visible text of an element with whitespace collapsed (scripts and styles excluded). */
export function text(element: HTMLElement | null | undefined): string {
  if (!element) return ''
  const clone = parse(element.toString())
  clone.querySelectorAll('script, style, template').forEach((node) => node.remove())
  return clone.textContent.replace(/\s+/g, ' ').trim()
}

export function head(page: Page) {
  const meta = (selector: string) => page.doc.querySelector(`head ${selector}`)?.getAttribute('content') ?? null
  return {
    title: page.doc.querySelector('head title')?.textContent ?? null,
    description: meta('meta[name="description"]'),
    canonical: page.doc.querySelector('head link[rel="canonical"]')?.getAttribute('href') ?? null,
    ogUrl: meta('meta[property="og:url"]'),
  }
}
