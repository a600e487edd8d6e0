import { isDeepStrictEqual } from 'node:util'

import { parse, type HTMLElement } from 'node-html-parser'

import { baseUrl } from './server'

export type Page = { status: number; headers: Headers; html: string; doc: HTMLElement }

/** A page of the shared test server, or of the server at `origin` (a test's own). */
export async function get(pathname: string, init: RequestInit = {}, origin = baseUrl()): Promise<Page> {
  const response = await fetch(`${origin}${pathname}`, { redirect: 'manual', ...init })
  const html = await response.text()
  return { status: response.status, headers: response.headers, html, doc: parse(html) }
}

/** A page of the server at `base` (a test's own server). */
export const getAt = (base: string, pathname: string, init: RequestInit = {}): Promise<Page> => get(pathname, init, base)

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

/**
 * A page and what it should show, read from the REST API just before and just after it, while other
 * files change the site: tried again (at most five times) until both reads agree, so the page was
 * answered in that state.
 */
export async function pageWithExpected<T>(pathname: string, expected: () => Promise<T>): Promise<{ page: Page; expected: T }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = await expected()
    const page = await get(pathname)
    const after = await expected()
    if (isDeepStrictEqual(before, after)) return { page, expected: after }
  }
  throw new Error(`What ${pathname} should show kept changing while it was requested`)
}
