/** Runs once when the Next server starts (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // First: every request from now on carries its client's address, for per-client limits.
  const { env } = await import('./lib/config/env')
  const { installClientAddressStamp } = await import('./lib/runtime/clientAddressStamp')
  installClientAddressStamp(env.TRUSTED_PROXIES)
  const { stopBackgroundWorkOnSigterm } = await import('./lib/runtime/shutdown')
  stopBackgroundWorkOnSigterm()
  const { answerServerErrorsWith503DuringOutages } = await import('./lib/runtime/outage')
  answerServerErrorsWith503DuringOutages()
  const { keepOneLocationHeader } = await import('./lib/runtime/redirectHeader')
  keepOneLocationHeader()
  const { expireWhatWasCachedBeforeStart } = await import('./lib/cache/startup')
  await expireWhatWasCachedBeforeStart()
}
