import type { Payload } from 'payload'

/** How long a worker may hold a delivery before another may take it over (a crashed worker's lease). */
const LEASE = '5 minutes'

/**
 * Atomically moves a delivery to `sending` for this worker. One UPDATE with the state check in its
 * WHERE: of two workers racing for the same row, exactly one gets it back; a sent or failed row,
 * or one another worker holds, returns false.
 */
export async function claimDelivery(payload: Payload, deliveryId: number): Promise<boolean> {
  const { rowCount } = await payload.db.pool.query(
    `UPDATE notification_deliveries
        SET status = 'sending', claimed_until = now() + interval '${LEASE}', attempts = attempts + 1, updated_at = now()
      WHERE id = $1
        AND (status IN ('pending', 'retrying') OR (status = 'sending' AND claimed_until < now()))`,
    [deliveryId],
  )
  return rowCount === 1
}
