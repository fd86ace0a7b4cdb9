import { escapeHtml } from './html'

export interface ParetoBar {
  readonly label: string
  readonly tickets: number
  readonly cumulativeShare: number
  readonly absorbable: boolean
}

const WIDTH = 1040
const HEIGHT = 420
/** Wide left and bottom margins: the reason labels run down-left at 45°. */
const MARGIN = { top: 20, right: 56, bottom: 150, left: 150 }

/**
 * A Pareto chart as inline SVG (no chart library): bars are tickets per reason in rank
 * order (portal-absorbable reasons in blue, the rest grey), the line is the cumulative
 * share on the right axis, with the 80% mark dashed.
 */
export function paretoSvg(bars: readonly ParetoBar[]): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const maxTickets = Math.max(1, ...bars.map((bar) => bar.tickets))
  const slot = plotWidth / Math.max(1, bars.length)
  const barWidth = slot * 0.7
  const y = (tickets: number): number => MARGIN.top + plotHeight * (1 - tickets / maxTickets)
  const yShare = (share: number): number => MARGIN.top + plotHeight * (1 - share)
  const xCenter = (index: number): number => MARGIN.left + slot * index + slot / 2

  const parts: string[] = []
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Pareto chart of ticket reasons" class="pareto">`)
  parts.push(`<line x1="${MARGIN.left}" y1="${MARGIN.top + plotHeight}" x2="${MARGIN.left + plotWidth}" y2="${MARGIN.top + plotHeight}" stroke="#444"/>`)
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const tickets = Math.round(maxTickets * fraction)
    parts.push(`<text x="${MARGIN.left - 8}" y="${y(tickets) + 4}" text-anchor="end" font-size="11">${tickets}</text>`)
    parts.push(`<text x="${MARGIN.left + plotWidth + 8}" y="${yShare(fraction) + 4}" font-size="11">${fraction * 100}%</text>`)
  }
  parts.push(
    `<line x1="${MARGIN.left}" y1="${yShare(0.8)}" x2="${MARGIN.left + plotWidth}" y2="${yShare(0.8)}" stroke="#c0392b" stroke-dasharray="4 4"/>`,
  )
  bars.forEach((bar, index) => {
    const top = y(bar.tickets)
    const x = xCenter(index) - barWidth / 2
    const fill = bar.absorbable ? '#2f6db5' : '#9aa3ad'
    parts.push(
      `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(MARGIN.top + plotHeight - top).toFixed(1)}" fill="${fill}"><title>${escapeHtml(bar.label)}: ${bar.tickets}</title></rect>`,
    )
    const labelX = xCenter(index)
    const labelY = MARGIN.top + plotHeight + 10
    parts.push(
      `<text x="${labelX.toFixed(1)}" y="${labelY}" font-size="11" text-anchor="end" transform="rotate(-45 ${labelX.toFixed(1)} ${labelY})">${escapeHtml(truncate(bar.label, 28))}</text>`,
    )
  })
  const points = bars.map((bar, index) => `${xCenter(index).toFixed(1)},${yShare(bar.cumulativeShare).toFixed(1)}`).join(' ')
  if (bars.length > 0) parts.push(`<polyline points="${points}" fill="none" stroke="#e67e22" stroke-width="2"/>`)
  bars.forEach((bar, index) => parts.push(`<circle cx="${xCenter(index).toFixed(1)}" cy="${yShare(bar.cumulativeShare).toFixed(1)}" r="3" fill="#e67e22"/>`))
  parts.push('</svg>')
  return parts.join('\n')
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}
