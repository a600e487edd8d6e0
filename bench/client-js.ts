/**
 * Client JS (issues 6 and 19): the JavaScript a browser downloads for Wellpress's article page and
 * home page against the floor's one-line page (bench/floor/, same Next and React, its defaults).
 * Target: ≤ 1.05× the floor page's bytes; interactive leaves (the contact form, the live-preview
 * listener) load only on pages that use them: the table of chunks says which modules each page got.
 *
 * Each page loads in a fresh headless Chromium context (empty cache), until the network is idle;
 * every response Chromium classes as a script counts once: its bytes on the wire as served
 * (`next start` compresses with gzip), its decoded size, and what brotli would make of it (what a
 * CDN or nginx in front could send). The RSC payload Next inlines into the HTML (`<script>` without
 * `src`) is part of the HTML download, reported beside.
 *
 * To say where the bytes come from, each of the article's chunks is matched with the client modules
 * (`'use client'` files and their imports) the build's client reference manifests place in it, and
 * with the bare page's chunks (same content = Next's own runtime).
 *
 * Builds Wellpress into .next-test-bench (TEST_DIST_DIR overrides; SKIP_BUILD=1 reuses it).
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'

import { chromium } from 'playwright-core'

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium'
import { ensureFloorBuilt, FLOOR_DIR, floorEnv, startApp, stopApp } from './_floor'
import { clientModulesByChunk } from './_chunks'
import { targetMarker } from './_targets'

const TARGET_RATIO = 1.05
const ARTICLE_PATH = '/blog/massage-therapy-benefits-on-immune-function'

type Script = { url: string; file: string; wire: number; raw: number; brotli: number; hash: string }
type PageLoad = { scripts: Script[]; inlineScriptBytes: number; htmlWire: number }
type Browser = Awaited<ReturnType<typeof chromium.launch>>

const sum = (scripts: Script[], key: 'wire' | 'raw' | 'brotli') => scripts.reduce((total, script) => total + script[key], 0)
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

async function load(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const pending: Promise<Script | null>[] = []
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return
      pending.push(
        (async () => {
          const body = await response.body()
          const { responseBodySize } = await response.request().sizes()
          return {
            url: response.url(),
            file: new URL(response.url()).pathname.split('/').pop() ?? response.url(),
            wire: responseBodySize,
            raw: body.length,
            brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
            hash: createHash('sha1').update(body).digest('hex'),
          }
        })(),
      )
    })
    const document = await page.goto(url, { waitUntil: 'networkidle' })
    if (document?.status() !== 200) throw new Error(`${url} answered ${document?.status()}`)
    const html = (await document.body()).toString('utf8')
    const inlineScriptBytes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
      (total, match) => total + Buffer.byteLength(match[1]),
      0,
    )
    const htmlWire = (await document.request().sizes()).responseBodySize
    const unique = new Map<string, Script>()
    for (const script of await Promise.all(pending)) if (script) unique.set(script.url, script)
    return { scripts: [...unique.values()], inlineScriptBytes, htmlWire }
  } finally {
    await context.close()
  }
}

export default async function clientJs(): Promise<string> {
  process.env.TEST_DIST_DIR ??= '.next-test-bench'
  const server = await import('../tests/http/server')
  const wellpress = await server.startServer()
  ensureFloorBuilt()
  const bare = await startApp(FLOOR_DIR, floorEnv(0))
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
  try {
    const pages = [
      { label: `Wellpress article (${ARTICLE_PATH})`, url: `${wellpress.baseUrl}${ARTICLE_PATH}`, gated: true },
      { label: 'Wellpress home (/)', url: `${wellpress.baseUrl}/`, gated: true },
      { label: 'Floor one-line page', url: `${bare.baseUrl}/`, gated: false },
    ]
    // A first visit of each page warms the servers; the measured loads follow, each in a new context.
    for (const page of pages) await load(browser, page.url)
    const loads = new Map<string, PageLoad>()
    for (const page of pages) loads.set(page.label, await load(browser, page.url))
    const baseline = loads.get(pages[2].label)!
    const baseWire = sum(baseline.scripts, 'wire')
    const baseRaw = sum(baseline.scripts, 'raw')

    const markers = pages
      .filter((page) => page.gated)
      .map((page) => {
        const ratio = sum(loads.get(page.label)!.scripts, 'wire') / baseWire
        return targetMarker({
          target: `Client JS: ${page.label} ≤ ${TARGET_RATIO}× the script bytes of the floor's one-line page`,
          result: `${ratio.toFixed(2)}× (${kib(sum(loads.get(page.label)!.scripts, 'wire'))} against ${kib(baseWire)})`,
          met: ratio <= TARGET_RATIO,
        })
      })
    const rows = pages.map((page) => {
      const { scripts, inlineScriptBytes, htmlWire } = loads.get(page.label)!
      const wire = sum(scripts, 'wire')
      const ratio = wire / baseWire
      const verdict = page.gated ? (ratio <= TARGET_RATIO ? 'yes' : 'NO') : '–'
      return `| ${page.label} | ${scripts.length} | ${kib(wire)} | ${kib(sum(scripts, 'raw'))} | ${kib(sum(scripts, 'brotli'))} | **${ratio.toFixed(2)}×** (raw ${(sum(scripts, 'raw') / baseRaw).toFixed(2)}×) | ${kib(inlineScriptBytes)} (HTML ${kib(htmlWire)} on the wire) | ${verdict} |`
    })

    const article = loads.get(pages[0].label)!
    const frameworkHashes = new Set(baseline.scripts.map((script) => script.hash))
    const modules = clientModulesByChunk(server.distDir())
    const chunkRows = [...article.scripts]
      .sort((a, b) => b.raw - a.raw)
      .map((script) => {
        const contents = [...(modules.get(script.file) ?? [])]
        const shown = contents.length > 6 ? `${contents.slice(0, 6).join(', ')} … (+${contents.length - 6})` : contents.join(', ')
        const origin = frameworkHashes.has(script.hash) ? 'same bytes as in the floor' : shown || 'no client module (Next/Turbopack runtime or shared code)'
        return `| \`${script.file}\` | ${kib(script.wire)} | ${kib(script.raw)} | ${origin} |`
      })

    // Interactive leaves: the project's own client modules whose every chunk the page downloaded (a
    // chunk shared with others says nothing by itself: each leaf also has a chunk of its own).
    const chunksOfModule = new Map<string, Set<string>>()
    for (const [chunk, names] of modules) for (const name of names) chunksOfModule.set(name, (chunksOfModule.get(name) ?? new Set()).add(chunk))
    const leavesOf = (label: string) => {
      const downloaded = new Set(loads.get(label)!.scripts.map((script) => script.file))
      return [...chunksOfModule]
        .filter(([name, chunks]) => /^(app|components)\//.test(name) && [...chunks].every((chunk) => downloaded.has(chunk)))
        .map(([name]) => name)
        .sort()
    }
    const leafLines = pages
      .filter((page) => page.gated)
      .map((page) => `- ${page.label}: ${leavesOf(page.label).map((name) => `\`${name}\``).join(', ') || 'none'}`)

    return [
      '## Client JS (bench/client-js.ts)',
      '',
      `Production builds under \`next start\`, headless Chromium (fresh cache per page, loaded until the network is idle). Script bytes as downloaded (gzip, as \`next start\` serves them), decoded, and as brotli would send them. Target: article and home ≤ ${TARGET_RATIO}× the floor's one-line page (bench/floor/, same Next and React, its defaults), on the bytes downloaded.`,
      '',
      '| Page | Scripts | Downloaded | Decoded | Brotli (q11) | Ratio to the floor (downloaded) | Inline `<script>` in the HTML (RSC payload) | Meets target |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      ...markers,
      '',
      "The project's own client modules each page downloaded (every chunk the build's client reference manifests give the module; a leaf should appear only where the page uses it):",
      '',
      ...leafLines,
      '',
      "The article page's scripts, largest first, with the client modules the build places in each (from its client reference manifests):",
      '',
      '| Chunk | Downloaded | Decoded | Contents |',
      '| --- | --- | --- | --- |',
      ...chunkRows,
      '',
      `The floor one-line page's scripts (downloaded / decoded): ${[...baseline.scripts]
        .sort((a, b) => b.raw - a.raw)
        .map((script) => `${kib(script.wire)} / ${kib(script.raw)}`)
        .join(', ')}.`,
    ].join('\n')
  } finally {
    await browser.close()
    stopApp(bare)
    server.stopServer(wellpress)
  }
}
