import { pipeline, Readable } from 'node:stream'

import { stringify } from 'csv-stringify'

import { attachment } from '../billing/invoices/invoice-file-name'
import { readableToWeb } from '../lib/readable-to-web'
import type { MeteringSource } from './metering-source'
import type { UsageExportQuery } from './usage-query'
import { parseIsoDate, zonedMidnight } from './zoned-time'

export const SERIES_CSV_COLUMNS = ['period_start', 'period', 'metric', 'quantity'] as const
export const RAW_CSV_COLUMNS = ['occurred_at', 'metric', 'quantity', 'idempotency_key', 'dimensions'] as const

async function* rows(source: MeteringSource, organizationId: number, query: Required<UsageExportQuery>) {
  const from = zonedMidnight(parseIsoDate(query.from), query.tz)
  const last = parseIsoDate(query.to)
  const to = zonedMidnight({ ...last, day: last.day + 1 }, query.tz)
  const range = { organizationId, metric: query.metric, from, to }
  if (query.granularity === 'raw') {
    for await (const event of source.exportRaw(range)) yield [event.occurredAt, event.metric, event.quantity, event.idempotencyKey, JSON.stringify(event.dimensions)]
    return
  }
  for (const point of await source.series({ ...range, timeZone: query.tz, granularity: query.granularity })) yield [point.start, point.label, query.metric, String(point.quantity)]
}

/**
 * The export as a streamed CSV response: the zone's days `from`–`to` inclusive, as day or hour
 * buckets (the numbers the charts show, zeros included) or every raw event, paged from the database
 * while the client reads, so a long range never sits in memory.
 */
export function usageCsvResponse(source: MeteringSource, organizationId: number, query: Required<UsageExportQuery>): Response {
  const columns = [...(query.granularity === 'raw' ? RAW_CSV_COLUMNS : SERIES_CSV_COLUMNS)]
  // pipeline, not pipe: a failed read destroys the CSV stream too, so the download errors rather than hangs.
  const csv = pipeline(Readable.from(rows(source, organizationId, query)), stringify({ header: true, columns }), () => {})
  const body = readableToWeb(csv, () => csv.destroy())
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`usage-${query.metric}-${query.from}-to-${query.to}-${query.granularity}.csv`),
      'Cache-Control': 'private, no-store',
    },
  })
}
