import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { t } from '../../i18n/t'
import { PortalError } from '../../lib/api/portal-error'
import { transactionDb } from '../../lib/transaction-db'
import type { OfflinePayment } from '../../payload-types'

/**
 * The offline payment, row-locked in `req`'s transaction, if it still waits for a decision: two
 * staff pressing Confirm at once are one confirmation and one 409, never two Stripe payments.
 */
export async function lockReportedPayment(req: PayloadRequest, id: number): Promise<OfflinePayment> {
  const { rows } = await (await transactionDb(req)).execute(sql`SELECT status FROM offline_payments WHERE id = ${id} FOR UPDATE`)
  const row = rows[0] as { status: string } | undefined
  if (!row) throw new PortalError('not_found', t('api.error.notFound'))
  if (row.status !== 'reported') throw new PortalError('conflict', t('offlinePayments.error.decided', { status: row.status }))
  return req.payload.findByID({ collection: 'offline-payments', id, depth: 0, overrideAccess: true, req })
}
