/**
 * Next calls `register` once per server process. Portal events are delivered here by default, so
 * `npm start` needs no second process; with PORTICO_JOBS=worker (or off) the web process leaves
 * delivery to `npm run worker`. On SIGTERM the runner stops claiming while Next drains requests;
 * a job still running when Next exits is picked up again once its lease lapses (30 s).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  if ((process.env.PORTICO_JOBS ?? 'web') !== 'web') return
  const { payloadInstance } = await import('./lib/payload')
  const { startJobRunner } = await import('./jobs/start-job-runner')
  const runner = startJobRunner(await payloadInstance())
  process.once('SIGTERM', () => void runner.stop())
}
