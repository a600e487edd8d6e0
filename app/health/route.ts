import packageJson from '../../package.json'
import { checkHealth } from '@/lib/runtime/health'
import { getPayloadClient } from '@/lib/config/payload'

/**
 * GET /health for load balancers and uptime monitors: 200 `{"status":"ok"}` when the database
 * answers a real read, 503 `{"status":"degraded"}` (or "shutting-down" after SIGTERM) otherwise.
 * Never cached, never redirected (lib/paths/canonical.ts lists it), and it shows no secrets: the
 * adapter's name, the uptime, the version and a short reason.
 */
export const dynamic = 'force-dynamic'

export async function GET() {
  const report = await checkHealth(getPayloadClient, packageJson.version)
  return Response.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store', ...(report.status === 'ok' ? {} : { 'Retry-After': '10' }) },
  })
}
