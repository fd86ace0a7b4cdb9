/**
 * Next calls `register` once per server process. Portal events are delivered here by default, so
 * `npm start` needs no second process; with PORTICO_JOBS=worker (or off) the web process leaves
 * delivery to `npm run worker`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  if ((process.env.PORTICO_JOBS ?? 'web') !== 'web') return
  const { payloadInstance } = await import('./lib/payload')
  const { startJobRunner } = await import('./jobs/start-job-runner')
  startJobRunner(await payloadInstance())
}
