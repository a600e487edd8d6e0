/** Runs once when the Next server starts (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // First: every request from now on carries its client's address, for per-client limits.
  const { env } = await import('./lib/config/env')
  const { installClientAddressStamp } = await import('./lib/runtime/clientAddressStamp')
  installClientAddressStamp(env.TRUSTED_PROXIES)
  const { stopBackgroundWorkOnSigterm } = await import('./lib/runtime/shutdown')
  stopBackgroundWorkOnSigterm()
  // The one module that patches Node's response; each patch names the Next issue it works around.
  const { answerServerErrorsWith503DuringOutages, keepOneLocationHeader, sendLargeTextAsBytes } = await import('./lib/runtime/responsePatches')
  answerServerErrorsWith503DuringOutages()
  keepOneLocationHeader()
  sendLargeTextAsBytes()
  const { expireWhatWasCachedBeforeStart } = await import('./lib/cache/startup')
  await expireWhatWasCachedBeforeStart()
}
