import type { AuditSummary, ReasonSummary } from './audit-summary'
import type { Deflection, DeflectionRow } from './deflection'
import { escapeHtml, formatMoney, formatPercent } from './html'
import { languagesSection } from './language/languages-section'
import { paretoSvg } from './pareto-svg'
import { RANKED_REASONS_LISTED } from './rank'

/** `report.html`: one self-contained page (inline CSS and SVG) built from the audit summary. */
export function renderReport(summary: AuditSummary, deflection: Deflection | null = null): string {
  const listed = summary.reasons.filter((reason) => reason.tickets > 0)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Support inbox audit</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1040px; color: #1d2733; padding: 0 1rem; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d5dbe1; padding-bottom: 0.3rem; }
.meta { color: #5b6875; }
.figures { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1.2rem 0; }
.figure { border: 1px solid #d5dbe1; border-radius: 6px; padding: 0.7rem 1rem; min-width: 170px; }
.figure strong { display: block; font-size: 1.6rem; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #e6e9ed; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.pareto { width: 100%; height: auto; }
.example { color: #37414b; } .example .id { color: #5b6875; font-size: 0.9em; }
.note { color: #5b6875; font-size: 0.9em; }
</style>
</head>
<body>
<h1>Support inbox audit</h1>
<p class="meta">${escapeHtml(summary.input)} · ${escapeHtml(summary.format)} · tickets created ${escapeHtml(periodText(summary))} · generated ${escapeHtml(summary.generatedAt)}</p>
${figuresSection(summary)}
<h2>Pareto of contact reasons</h2>
${paretoSvg(listed.map((reason) => ({ label: reason.label, tickets: reason.tickets, cumulativeShare: reason.cumulativeShare, absorbable: reason.absorbable })))}
<p class="note">Bars: tickets per reason (blue: a portal screen can absorb it). Line: cumulative share; dashed: 80%.</p>
${reasonsTable(summary)}
${languagesSection(summary)}
${examplesSection(listed)}
${inputSection(summary)}
${deflection ? deflectionSection(deflection) : ''}
</body>
</html>
`
}

function periodText(summary: AuditSummary): string {
  const { firstCreated, lastCreated } = summary.period
  if (firstCreated === null || lastCreated === null) return 'none'
  return `${firstCreated.slice(0, 10)} to ${lastCreated.slice(0, 10)}`
}

function figuresSection(summary: AuditSummary): string {
  const figure = (value: string, caption: string): string => `<div class="figure"><strong>${escapeHtml(value)}</strong>${escapeHtml(caption)}</div>`
  return `<div class="figures">
${figure(summary.counts.tickets.toLocaleString('en-US'), 'tickets tagged')}
${figure(formatPercent(summary.absorbableShare), 'absorbable by the portal')}
${figure(formatPercent(summary.topShares.top5), 'covered by the top 5 reasons')}
${figure(formatPercent(summary.topShares.top15), `covered by the top ${RANKED_REASONS_LISTED}`)}
${figure(formatMoney(summary.totalCost), `human cost at ${summary.settings.hourlyRate}/hour`)}
</div>`
}

function reasonsTable(summary: AuditSummary): string {
  const rows = summary.reasons
    .slice(0, RANKED_REASONS_LISTED)
    .map(
      (reason) => `<tr><td class="num">${reason.rank}</td><td>${escapeHtml(reason.label)}<br><span class="note">${escapeHtml(reason.id)}</span></td>
<td class="num">${reason.tickets.toLocaleString('en-US')}</td><td class="num">${formatPercent(reason.share)}</td><td class="num">${formatPercent(reason.cumulativeShare)}</td>
<td class="num">${reason.medianResolutionHours === null ? '–' : reason.medianResolutionHours.toFixed(1)}</td><td class="num">${formatMoney(reason.cost)}</td>
<td>${escapeHtml(reason.portalScreen)}</td><td>${reason.absorbable ? 'yes' : 'no'}</td></tr>`,
    )
    .join('\n')
  return `<table>
<thead><tr><th class="num">#</th><th>Reason</th><th class="num">Tickets</th><th class="num">Share</th><th class="num">Cumulative</th><th class="num">Median resolution (h)</th><th class="num">Human cost</th><th>Portal screen</th><th>Absorbable</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}

function examplesSection(reasons: readonly ReasonSummary[]): string {
  const blocks = reasons
    .filter((reason) => reason.examples.length > 0)
    .map((reason) => {
      const items = reason.examples
        .map((example) => `<li class="example">${escapeHtml(snippet(example.text))} <span class="id">#${escapeHtml(example.id)} · ${example.confidence.toFixed(2)}</span></li>`)
        .join('\n')
      return `<h3>${escapeHtml(reason.label)}</h3>\n<ul>\n${items}\n</ul>`
    })
  return `<h2>Top examples per reason</h2>\n${blocks.join('\n')}`
}

function snippet(text: string): string {
  return text.length > 280 ? `${text.slice(0, 279)}…` : text
}

function inputSection(summary: AuditSummary): string {
  const { counts } = summary
  const skipped = Object.entries(summary.skippedByReason)
    .map(([reason, count]) => `<li>${count.toLocaleString('en-US')} × ${escapeHtml(reason)}</li>`)
    .join('\n')
  const bad = summary.badRowsSample.map((row) => `<li>line ${row.line}: ${escapeHtml(row.reason)}</li>`).join('\n')
  return `<h2>Input</h2>
<p>${counts.rows.toLocaleString('en-US')} rows read: ${counts.tickets.toLocaleString('en-US')} tickets tagged (${counts.overridden.toLocaleString('en-US')} by manual override),
${counts.outsideWindow.toLocaleString('en-US')} outside the --since window, ${counts.skippedRows.toLocaleString('en-US')} skipped (not tickets), ${counts.badRows.toLocaleString('en-US')} bad.</p>
${skipped ? `<p>Skipped rows:</p><ul>${skipped}</ul>` : ''}
${bad ? `<p>Bad rows (all are listed in bad-rows.csv; first ${summary.badRowsSample.length} here):</p><ul>${bad}</ul>` : ''}
<p class="note">Classifier: ${escapeHtml(summary.settings.classifier)}; tickets below a calibrated confidence of ${summary.settings.threshold} are unclassified; handle time ${summary.settings.defaultHandleMinutes} min per ticket unless the export records it.</p>`
}

function deflectionSection(deflection: Deflection): string {
  const rate = (value: number | null): string => (value === null ? '–' : value.toFixed(1))
  const change = (value: number | null): string => (value === null ? '–' : `${value > 0 ? '+' : ''}${formatPercent(value)}`)
  const usesCustomers = deflection.before.activeCustomers !== null
  const row = (r: DeflectionRow): string => `<tr><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.portalScreen)}</td>
<td class="num">${r.beforeTickets}</td><td class="num">${r.afterTickets}</td>
<td class="num">${rate(usesCustomers ? r.beforePer1kCustomers : r.beforePer90Days)}</td><td class="num">${rate(usesCustomers ? r.afterPer1kCustomers : r.afterPer90Days)}</td>
<td class="num">${change(r.changeShare)}</td><td class="num">${r.deflectedTickets.toFixed(0)}</td></tr>`
  const unit = usesCustomers ? 'per 1,000 active customers per 90 days' : 'per 90 days (no --active-customers given: growth is not factored out)'
  return `<h2>Deflection after the ${escapeHtml(deflection.cutover)} cut-over</h2>
<p>Before: ${escapeHtml(deflection.before.firstDay ?? '–')} to ${escapeHtml(deflection.before.lastDay ?? '–')} (${deflection.before.days} days, ${deflection.before.tickets} tickets${deflection.before.activeCustomers === null ? '' : `, ${deflection.before.activeCustomers} active customers`}).
After: ${escapeHtml(deflection.after.firstDay ?? '–')} to ${escapeHtml(deflection.after.lastDay ?? '–')} (${deflection.after.days} days, ${deflection.after.tickets} tickets${deflection.after.activeCustomers === null ? '' : `, ${deflection.after.activeCustomers} active customers`}).</p>
<p>Portal-absorbable reasons: ${change(deflection.absorbable.changeShare)} in rate, about ${deflection.absorbable.deflectedTickets.toFixed(0)} tickets deflected. Rates are tickets ${unit}.</p>
<table>
<thead><tr><th>Reason</th><th>Portal screen</th><th class="num">Before</th><th class="num">After</th><th class="num">Rate before</th><th class="num">Rate after</th><th class="num">Change</th><th class="num">Deflected</th></tr></thead>
<tbody>
${deflection.rows.filter((r) => r.beforeTickets + r.afterTickets > 0).map(row).join('\n')}
</tbody>
</table>`
}
