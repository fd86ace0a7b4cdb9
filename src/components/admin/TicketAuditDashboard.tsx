import type { Payload } from 'payload'

import { auditSummarySchema } from '@/tickets/audit-summary'
import { deflectionTrend, type LabeledAudit } from '@/tickets/deflection-trend'

const percent = (share: number | null) => (share === null ? '—' : `${share > 0 ? '+' : ''}${Math.round(share * 100)}%`)

async function loadAudits(payload: Payload): Promise<LabeledAudit[]> {
  const { docs } = await payload.find({ collection: 'ticket-audits', sort: 'periodEnd', limit: 40, depth: 0, overrideAccess: true })
  return docs.flatMap((doc) => {
    const summary = auditSummarySchema.safeParse(doc.summary)
    return summary.success ? [{ label: doc.label, activeCustomers: doc.activeCustomers, summary: summary.data }] : []
  })
}

/**
 * On the /admin home: the latest ticket ranking and, per portal screen, tickets per 1,000 active
 * customers per 90 days across the uploaded quarters — the number that says whether the portal
 * is taking tickets out of the inbox. (Rendered for staff only: /admin admits nobody else.)
 */
export async function TicketAuditDashboard({ payload }: { payload: Payload }) {
  const audits = await loadAudits(payload)
  const latest = audits.at(-1)
  if (!latest) {
    return (
      <section style={{ marginBottom: 32 }}>
        <h2>Support-inbox audit</h2>
        <p>No audits uploaded yet. Run <code>npm run audit:tickets</code> and upload its audit-summary.json under Ticket audits.</p>
      </section>
    )
  }
  const trend = deflectionTrend(audits)
  return (
    <section style={{ marginBottom: 32 }} aria-labelledby="ticket-audit-heading">
      <h2 id="ticket-audit-heading">Support-inbox audit · latest: {latest.label}</h2>
      <p>
        {latest.summary.counts.tickets.toLocaleString('en')} tickets · {Math.round(latest.summary.absorbableShare * 100)}% absorbable by the portal · top 5
        reasons cover {Math.round(latest.summary.topShares.top5 * 100)}%
      </p>
      <table className="table">
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>Top reasons</caption>
        <thead>
          <tr><th>#</th><th>Reason</th><th>Tickets</th><th>Share</th><th>Cumulative</th><th>Portal screen</th></tr>
        </thead>
        <tbody>
          {latest.summary.reasons.slice(0, 15).map((reason) => (
            <tr key={reason.id}>
              <td>{reason.rank}</td><td>{reason.label}</td><td>{reason.tickets}</td><td>{Math.round(reason.share * 100)}%</td>
              <td>{Math.round(reason.cumulativeShare * 100)}%</td><td>{reason.absorbable ? reason.portalScreen : 'stays with support'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table" style={{ marginTop: 24 }}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>Deflection trend: tickets per 1,000 active customers per 90 days</caption>
        <thead>
          <tr><th>Portal screen</th>{audits.map((audit) => <th key={audit.label}>{audit.label}</th>)}<th>Change</th></tr>
        </thead>
        <tbody>
          {trend.map((row) => (
            <tr key={row.portalScreen}>
              <td>{row.portalScreen}</td>
              {row.points.map((point) => <td key={point.label}>{point.per1kCustomersPer90Days}</td>)}
              <td>{percent(row.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
