import { staffFileEndpoint } from '../../../lib/api/staff-file-endpoint'

const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }

/** GET /api/offline-payments/:id/remittance — the remittance advice a customer attached, as a download for staff. */
export const remittanceEndpoint = staffFileEndpoint({
  path: '/:id/remittance',
  table: 'offline_payment_remittances',
  ownerColumn: 'offline_payment_id',
  disposition: 'attachment',
  fileName: (id, mimeType) => `remittance-${id}.${EXTENSION[mimeType] ?? 'bin'}`,
})
