import type { Metadata } from 'next'

/**
 * The admin's tab titles say whose site it is: "Dashboard · Her Practice admin". Payload writes a
 * fixed suffix from the config (built once, before the practice is read); the admin page swaps it
 * for her practice's name on every render.
 */
export const ADMIN_TITLE_SUFFIX = '· admin'

type Title = Metadata['title']

const renamed = (text: string, name: string) =>
  text.endsWith(ADMIN_TITLE_SUFFIX) ? `${text.slice(0, -ADMIN_TITLE_SUFFIX.length)}· ${name} admin` : text

function renameTitle(title: Title, name: string): Title {
  if (!title) return title
  if (typeof title === 'string') return renamed(title, name)
  if ('absolute' in title) return { ...title, absolute: renamed(title.absolute, name) }
  if ('default' in title) return { ...title, default: renamed(title.default, name) }
  return title
}

export function adminMetadata(metadata: Metadata, practiceName: string): Metadata {
  const openGraph = metadata.openGraph
  return {
    ...metadata,
    title: renameTitle(metadata.title, practiceName),
    applicationName: `${practiceName} admin`,
    ...(openGraph
      ? {
          openGraph: {
            ...openGraph,
            siteName: practiceName,
            ...(typeof openGraph.title === 'string' ? { title: renamed(openGraph.title, practiceName) } : {}),
          },
        }
      : {}),
  }
}
