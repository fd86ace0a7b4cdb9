import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

import { extractIdOrNull } from '../lib/extract-id'
import { intArrayLiteral } from '../lib/int-array-literal'
import { transactionDb } from '../lib/transaction-db'
import { withTransaction } from '../lib/with-transaction'
import type { PortalEvent } from '../payload-types'
import { deliverFirstTries } from './deliver-first-try'
import type { KnownEvent } from './deliver-notification'
import { eventMessage } from './describe-event'
import { loadEventFacts, subjectOf } from './event-facts'
import { type ClaimedDelivery, insertPlannedDeliveriesOf } from './insert-planned-deliveries'
import { loadRouting } from './load-routing'
import { type PlannedDelivery, planFromFacts } from './plan-deliveries'

/** A claimed dispatch-portal-event job: its id and the event it dispatches. */
export type DispatchJob = { jobId: number; eventId: number }

type EventRow = { id: number; type: string; organization_id: number | null; audit_id: number | null; actor_label: string | null; data: PortalEvent['data']; dispatched_at: Date | null; updated_at: Date; created_at: Date }

const toEvent = (row: EventRow): PortalEvent => ({
  id: Number(row.id),
  type: row.type,
  organization: row.organization_id === null ? null : Number(row.organization_id),
  audit: row.audit_id === null ? null : Number(row.audit_id),
  actorLabel: row.actor_label,
  data: row.data,
  dispatchedAt: row.dispatched_at ? new Date(row.dispatched_at).toISOString() : null,
  updatedAt: new Date(row.updated_at).toISOString(),
  createdAt: new Date(row.created_at).toISOString(),
})

/**
 * Dispatches a runner's batch of dispatch-portal-event jobs together, in one transaction: the
 * events read (and locked) in one statement, the routing once, the recipients, actors, users and
 * preferences of all of them in a few (loadEventFacts), every planned delivery with its claimed
 * job in one, the events marked dispatched and their dispatch jobs deleted (as Payload's
 * deleteJobOnComplete would) in one each. Then it makes the deliveries' first tries, reusing the
 * events and messages it read (deliverFirstTries).
 *
 * Returns the jobs it did not dispatch — an event it could not find or plan, or all of them when
 * the transaction failed — for the caller to run through Payload's runner one by one, so their
 * retries, backoff and job log are Payload's. `held` (the runner's heartbeat set) holds the
 * delivery jobs while their first tries run; once `stopping` says so, first tries not yet made are
 * left to any runner.
 */
export async function dispatchEventBatch(payload: Payload, jobs: readonly DispatchJob[], { held, stopping }: { held?: Set<number>; stopping?: () => boolean } = {}): Promise<DispatchJob[]> {
  let left: DispatchJob[]
  let claimed: ClaimedDelivery[]
  let known: Map<number, KnownEvent>
  try {
    ;({ left, claimed, known } = await withTransaction(payload, async (req) => {
      const db = await transactionDb(req)
      const ids = [...new Set(jobs.map((job) => job.eventId))].sort((a, b) => a - b)
      const { rows } = await db.execute(
        sql`SELECT id, type, organization_id, audit_id, actor_label, data, dispatched_at, updated_at, created_at FROM portal_events WHERE id = ANY(${intArrayLiteral(ids)}::int[]) ORDER BY id FOR UPDATE`,
      )
      const events = new Map((rows as EventRow[]).map((row) => [Number(row.id), toEvent(row)]))
      const undispatched = [...events.values()].filter((event) => !event.dispatchedAt)
      const routing = await loadRouting(payload, req)
      const facts = await loadEventFacts(db, undispatched)

      const planned: Array<PlannedDelivery & { eventId: number }> = []
      const planFailed = new Set<number>()
      const known = new Map<number, KnownEvent>()
      for (const event of undispatched) {
        try {
          for (const delivery of planFromFacts(event, routing, facts)) planned.push({ ...delivery, eventId: event.id })
        } catch (error) {
          planFailed.add(event.id)
          continue
        }
        const organization = extractIdOrNull(event.organization)
        const subject = subjectOf(event)
        known.set(event.id, {
          event,
          message: eventMessage(event, organization === null ? null : (facts.organizationNames.get(organization) ?? null), subject === null ? null : facts.users.get(subject)),
          slackWebhookUrl: routing.slackWebhookUrl,
        })
      }
      const claimed = await insertPlannedDeliveriesOf(req, planned)
      const dispatched = undispatched.filter((event) => !planFailed.has(event.id)).map((event) => event.id)
      if (dispatched.length > 0) await db.execute(sql`UPDATE portal_events SET dispatched_at = now(), updated_at = now() WHERE id = ANY(${intArrayLiteral(dispatched)}::int[])`)
      // An event already dispatched (a job run again after a crash) is done too: nothing to plan twice.
      const left = jobs.filter((job) => !events.has(job.eventId) || planFailed.has(job.eventId))
      const completed = jobs.filter((job) => !left.includes(job)).map((job) => job.jobId)
      if (completed.length > 0) await db.execute(sql`DELETE FROM payload_jobs WHERE id = ANY(${intArrayLiteral(completed)}::int[])`)
      return { left, claimed, known }
    }))
  } catch (error) {
    payload.logger.error({ err: error, jobs: jobs.length }, 'dispatch batch failed; running its jobs one by one')
    return [...jobs]
  }
  for (const job of jobs) if (!left.includes(job)) held?.delete(job.jobId)
  for (const delivery of claimed) held?.add(delivery.jobId)
  try {
    await deliverFirstTries(payload, claimed, known, stopping)
  } finally {
    for (const delivery of claimed) held?.delete(delivery.jobId)
  }
  return left
}
