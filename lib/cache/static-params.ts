/**
 * `generateStaticParams` for the site's pages with a slug or page number: no page is prebuilt
 * (`next build` never reads the articles, so its time does not grow with them), and any address
 * renders on its first request, is cached whole and is served from the cache until a change purges
 * it (lib/cache/tags.ts). Prebuilding the newest pages would save one render each, and the
 * server expires what the build cached anyway (lib/cache/startup.ts).
 */
export async function renderOnFirstRequest(): Promise<never[]> {
  return []
}
