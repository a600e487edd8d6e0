import { markShuttingDown } from './health'

/**
 * What SIGTERM adds to Next's own graceful stop. `next start` already stops accepting
 * connections, lets in-flight requests finish, then exits with 143 (128 + SIGTERM, the usual
 * code for "stopped by SIGTERM"). Two things are ours:
 * - Payload's job cron (scheduled publishing, payload.config.ts `jobs.autoRun`) must not start a
 *   new run during the drain, only to be cut off by the exit;
 * - /health answers 503 "shutting-down" at once, so a load balancer stops sending visitors here.
 * The database connection stays open until the exit: in-flight requests still need it.
 */
type CronHolder = { payload?: { crons?: { stop(): unknown }[] } | null }

function stopPayloadCrons() {
  // getPayload keeps its instances here (payload/dist/index.js); the app and this module are
  // bundled apart, so the process-wide map is the one place they meet.
  const instances = (globalThis as { _payload?: Map<string, CronHolder> })._payload
  for (const cached of instances?.values() ?? []) {
    const crons = cached.payload?.crons
    if (crons) for (const cron of crons.splice(0, crons.length)) cron.stop()
  }
}

let installed = false

export function stopBackgroundWorkOnSigterm(): void {
  if (installed) return
  installed = true
  // `once` and no exit here: Next's own SIGTERM handler still runs and decides when to exit.
  process.once('SIGTERM', () => {
    markShuttingDown()
    stopPayloadCrons()
    console.info('[shutdown] SIGTERM: job cron stopped, /health reports shutting-down; finishing in-flight requests')
  })
}
