import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { redis, usesRedis } from '../storage/redis.js'

/**
 * Which instance runs the job queue (scheduled publishing) on a tick of Payload's job cron
 * (payload.config.ts `jobs.autoRun`, every 10 s on every instance, on the wall clock's tens).
 *
 * Payload's queue alone does not make a job run once: an instance claims jobs by reading the
 * waiting ones and then marking them `processing` (payload `runJobs`, the adapters' `updateJobs`),
 * two steps, so two instances ticking in the same instant can both claim, and both run, the same
 * job. So with REDIS_URL each tick is a turn that one instance takes: `SET NX PX`, the first to ask
 * gets it, the others skip that tick. The turn lasts TURN_MS, less than the tick, so it passes
 * freely from tick to tick (an instance that stops does not hold the queue up), and longer than a
 * claim takes by far: by the time another instance can take a turn, the jobs claimed in the
 * previous one are marked `processing` and no longer waiting. A run that outlasts its turn keeps
 * its claimed jobs; the next turn only finds the others.
 *
 * Without REDIS_URL there is one instance and it always runs. Redis away: nobody runs the queue
 * until it is back (a late publish rather than a double one).
 */
export const TURN_KEY = 'wellpress:jobs:turn'
export const TURN_MS = 8_000

const INSTANCE: string = randomUUID()

/** Whether this instance runs the queue on this tick (payload.config.ts `jobs.shouldAutoRun`). */
export async function takeJobRunnerTurn(payload: Pick<Payload, 'logger'>, instance = INSTANCE): Promise<boolean> {
  if (!usesRedis()) return true
  try {
    return (await redis().set(TURN_KEY, instance, { NX: true, PX: TURN_MS })) === 'OK'
  } catch (error) {
    payload.logger.warn({ err: error }, '[jobs] Redis unreachable: not running the job queue on this tick')
    return false
  }
}
