/** Runs once when the Next server starts (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { stopBackgroundWorkOnSigterm } = await import('./lib/shutdown')
  stopBackgroundWorkOnSigterm()
  const { answerServerErrorsWith503DuringOutages } = await import('./lib/outage')
  answerServerErrorsWith503DuringOutages()
  const { keepOneLocationHeader } = await import('./lib/redirectHeader')
  keepOneLocationHeader()
  const { expireWhatWasCachedBeforeStart } = await import('./lib/cache/startup')
  await expireWhatWasCachedBeforeStart()
}
