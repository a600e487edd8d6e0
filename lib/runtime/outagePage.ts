import { OUTAGE_HEADING, OUTAGE_MESSAGE } from './outageText'
import { routes } from '../paths/routes'
import { site } from '../config/site'

/**
 * The whole 503 page sent while the database is away (lib/runtime/responsePatches.ts): it names no site, since
 * the practice's name lives in the database that is away, and no name is ever written in code. Plain HTML with
 * no script and no inline style, so it needs nothing from the app (no data, no build assets) and
 * passes any Content-Security-Policy. Only fixed text: nothing from the request is echoed.
 */
export function serviceUnavailablePage(): string {
  return `<!DOCTYPE html>
<html lang="${site.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${OUTAGE_HEADING}</title>
</head>
<body>
<main id="main">
<h1>${OUTAGE_HEADING}</h1>
<p>${OUTAGE_MESSAGE}</p>
<p>Other pages of the site may still open in the meantime.</p>
<p><a href="${routes.home()}">Go to the home page</a></p>
</main>
</body>
</html>
`
}
