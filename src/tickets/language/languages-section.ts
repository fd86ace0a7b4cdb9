import type { AuditSummary } from '../audit-summary'
import { escapeHtml, formatMoney, formatPercent } from '../html'
import { DEFAULT_LOCALE_THRESHOLD } from './portal-locales'

const names = new Intl.DisplayNames(['en'], { type: 'language' })

/** "French (fr)"; undetermined text is named as such. */
export function languageName(code: string): string {
  if (code === 'und') return 'Undetermined'
  try {
    return `${names.of(code) ?? code} (${code})`
  } catch {
    return code
  }
}

/** The report's Languages table: share, human cost, absorbable and unclassified share per language, "add next" flags. */
export function languagesSection(summary: AuditSummary): string {
  const languages = summary.languages ?? []
  if (languages.length === 0) return ''
  const threshold = summary.settings.localeThreshold ?? DEFAULT_LOCALE_THRESHOLD
  const rows = languages
    .map(
      (l) => `<tr><td>${escapeHtml(languageName(l.language))}</td><td class="num">${l.tickets.toLocaleString('en-US')}</td><td class="num">${formatPercent(l.share)}</td>
<td class="num">${formatMoney(l.cost)}</td><td class="num">${formatPercent(l.absorbableShare)}</td><td class="num">${formatPercent(l.unclassifiedShare)}</td><td class="num">${l.meanConfidence.toFixed(2)}</td>
<td>${l.inCatalog ? 'in the portal' : l.addNext ? '<strong>add next</strong>' : '–'}</td></tr>`,
    )
    .join('\n')
  const addNext = languages.filter((l) => l.addNext).map((l) => languageName(l.language))
  return `<h2>Languages</h2>
<p>${addNext.length === 0 ? `No language outside the portal's locales reaches ${formatPercent(threshold)} of tickets.` : `Locales to add next (at least ${formatPercent(threshold)} of tickets, not in the portal): ${escapeHtml(addNext.join(', '))}.`}</p>
<table>
<thead><tr><th>Language</th><th class="num">Tickets</th><th class="num">Share</th><th class="num">Human cost</th><th class="num">Absorbable</th><th class="num">Unclassified</th><th class="num">Mean confidence</th><th>Portal locale</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="note">Detected per ticket (eld). The tagger learned English: unclassified share and mean confidence are shown per language so a weaker tagging of other languages is not hidden in the totals.</p>`
}
