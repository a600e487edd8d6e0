/**
 * Debian's Chromium as the browser tests and the benches launch it. Root in CI containers needs
 * --no-sandbox; the rest stops Chromium phoning home (this machine has no network for it).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]
