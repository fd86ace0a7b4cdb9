import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { auditSummarySchema } from '../../../tickets/audit-summary'

/**
 * The uploaded file is the `audit-summary.json` that `npm run audit:tickets` wrote. It is parsed
 * here, once, so the dashboard reads typed JSON rather than re-reading files, and a wrong file is
 * refused with a message that says what is wrong instead of being stored.
 */
export const parseTicketAuditUpload: CollectionBeforeChangeHook = ({ req, data, operation }) => {
  const file = req.file
  if (!file) {
    if (operation === 'create') throw new ValidationError({ collection: 'ticket-audits', errors: [{ path: 'file', message: 'Upload the audit-summary.json written by npm run audit:tickets.' }] })
    return data
  }
  let json: unknown
  try {
    json = JSON.parse(file.data.toString('utf8'))
  } catch {
    throw new ValidationError({ collection: 'ticket-audits', errors: [{ path: 'file', message: `${file.name} is not JSON. Upload audit-summary.json from the audit's output folder.` }] })
  }
  const parsed = auditSummarySchema.safeParse(json)
  if (!parsed.success) {
    const where = parsed.error.issues[0]
    throw new ValidationError({
      collection: 'ticket-audits',
      errors: [{ path: 'file', message: `${file.name} is not an audit summary (${where.path.join('.') || 'root'}: ${where.message}).` }],
    })
  }
  const summary = parsed.data
  return {
    ...data,
    summary,
    periodEnd: summary.period.lastCreated,
    tickets: summary.counts.tickets,
    absorbableShare: summary.absorbableShare,
  }
}
