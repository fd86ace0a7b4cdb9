/**
 * `npm run stripe:replay -- --since <date> [--type <event type> …]`: runs the webhook handlers
 * again for ledger rows received since <date> (ISO date or date-time), oldest event first, against
 * the database at DATABASE_URL and Stripe (or the local emulator). Handlers store only what differs
 * from Stripe's current state, so replaying already-applied events changes nothing; use it after
 * a bug fix or an outage. Exit code 1 when any event failed (it is marked failed in /admin).
 */
import { parseArgs } from 'node:util'

import { cliPayload } from './lib/cli-payload'

const { values } = parseArgs({ options: { since: { type: 'string' }, type: { type: 'string', multiple: true } } })
const since = values.since ? new Date(values.since) : null
if (!since || Number.isNaN(since.getTime())) {
  console.error('Usage: npm run stripe:replay -- --since <date> [--type invoice.paid …]   (e.g. --since 2026-11-01)')
  process.exit(2)
}
const { payload, close } = await cliPayload('the replay')
const { replayStripeEvents } = await import('../src/billing/webhooks/replay-stripe-events')
const summary = await replayStripeEvents(payload, {
  since,
  types: values.type ?? [],
  onEvent: (eventId, outcome, error) => console.log(`${eventId}  ${outcome}${error instanceof Error ? `: ${error.message}` : ''}`),
})
console.log(`Replayed ${summary.total} event(s) since ${since.toISOString()}: ${summary.processed} processed, ${summary.ignored} ignored, ${summary.failed} failed.`)
await close()
process.exit(summary.failed > 0 ? 1 : 0)
