import type { Payload } from 'payload'
import type Stripe from 'stripe'

import type { StripeEventStatus } from '../../collections/StripeEvents'
import { STRIPE_API_VERSION } from '../stripe-api-version'
import { eventCustomerId } from './event-customer'
import { ignoreReason } from './ignore-reason'
import { PROCESS_STRIPE_EVENT_TASK } from './queue-stripe-event-processing'

export type RecordedStripeEvent = { ledgerId: number; status: StripeEventStatus; duplicate: boolean }

const versionsNoted = new Set<string>()

/** Events of another version are processed all the same (handlers re-read Stripe); said once per version. */
function noteApiVersion(payload: Payload, version: string | null) {
  if (!version || version === STRIPE_API_VERSION || versionsNoted.has(version)) return
  versionsNoted.add(version)
  payload.logger.warn(`Stripe webhooks arrive in API version ${version}; the portal pins ${STRIPE_API_VERSION}. They are processed (handlers re-read Stripe), but align the endpoint's version when you can.`)
}

/**
 * One statement, so one implicit transaction and one round trip: the ledger row (the unique index on
 * event_id settles a duplicate, sequential or racing, with DO NOTHING), its processing job (only for a
 * row this statement inserted with status `received`), and, for a duplicate, the row already there.
 * Payload's create + jobs.queue took ~10 statements for the same; issue 16 measured 118 events/s.
 */
const RECORD_SQL = `
  WITH inserted AS (
    INSERT INTO stripe_events (event_id, type, status, reason, attempts, customer_id, api_version, event_created_at, event)
    VALUES ($1, $2, $3::enum_stripe_events_status, $4, 0, $5, $6, $7, $8::jsonb)
    ON CONFLICT (event_id) DO NOTHING
    RETURNING id, status
  ), job AS (
    INSERT INTO payload_jobs (input, task_slug, queue, total_tried, has_error, processing)
    SELECT jsonb_build_object('ledgerId', id), $9::enum_payload_jobs_task_slug, 'default', 0, false, false FROM inserted WHERE status = 'received'
  )
  SELECT id, status::text AS status, false AS duplicate FROM inserted
  UNION ALL
  SELECT id, status::text, true FROM stripe_events WHERE event_id = $1 AND NOT EXISTS (SELECT 1 FROM inserted)`

/**
 * Named, so pg prepares it once per pooled connection and each delivery sends only Bind/Execute:
 * PostgreSQL skips parsing and planning this three-part CTE on every event (the bench's hot path).
 */
const RECORD_STATEMENT = 'record-stripe-event'

type Row = { id: number; status: StripeEventStatus; duplicate: boolean }
const toRecorded = (row: Row): RecordedStripeEvent => ({ ledgerId: Number(row.id), status: row.status, duplicate: row.duplicate })

/**
 * Writes a verified event to the ledger once, with its processing job in the same statement, and
 * returns at once (the route must answer Stripe fast; processing runs in the job, after the 2xx).
 * A second delivery of the same event id is reported as a duplicate and gets no job. Events the
 * portal won't apply are stored as `ignored`, with the reason, and get no job.
 *
 * `rawBody` is the verified body `event` was parsed from: stored as the jsonb as it came, so the
 * event isn't stringified again for every delivery (PostgreSQL parses it into jsonb either way, so
 * the stored value is the same). Without it the event is stringified.
 */
export async function recordStripeEvent(payload: Payload, event: Stripe.Event, rawBody?: string): Promise<RecordedStripeEvent> {
  noteApiVersion(payload, event.api_version)
  const reason = ignoreReason(event)
  const { rows } = await payload.db.pool.query<Row>({ name: RECORD_STATEMENT, text: RECORD_SQL, values: [
    event.id,
    event.type,
    reason ? 'ignored' : 'received',
    reason,
    eventCustomerId(event),
    event.api_version,
    new Date(event.created * 1000).toISOString(),
    rawBody ?? JSON.stringify(event),
    PROCESS_STRIPE_EVENT_TASK,
  ] })
  if (rows[0]) return toRecorded(rows[0])
  // A racing first delivery committed after this statement's snapshot was taken: its row is there now.
  const { rows: raced } = await payload.db.pool.query<Row>(`SELECT id, status::text AS status, true AS duplicate FROM stripe_events WHERE event_id = $1`, [event.id])
  if (!raced[0]) throw new Error(`Stripe event ${event.id} was neither inserted nor found`)
  return toRecorded(raced[0])
}
