import { once } from 'node:events'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'

import { ZipArchive } from 'archiver'
import type Stripe from 'stripe'

import { readableToWeb } from '../../lib/readable-to-web'
import { fetchInvoicePdf } from './fetch-invoice-pdf'
import { invoiceFileName } from './invoice-file-name'
import type { InvoiceFilters } from './invoice-query'
import { invoiceView } from './invoice-view'
import { invoicesCsv } from './invoices-csv'
import { listAllInvoices } from './list-all-invoices'

/** One download stays bounded: more than this many invoices asks for a narrower range. */
export const MAX_ARCHIVE_INVOICES = 500

type ArchiveOptions = { customerId: string | null; filters: InvoiceFilters; now: Date }

/**
 * The customer's invoices in the range as a ZIP, streamed: `invoices.csv` first (the list is read
 * up front, which also enforces the limit before a byte is sent), then each PDF fetched from Stripe
 * only once the previous one is in the archive, so memory holds one PDF chunk at a time whatever
 * the range. A failure mid-way errors the stream, so the client sees a broken download, not a
 * short ZIP that looks complete.
 */
export async function invoiceArchive(stripe: Stripe, { customerId, filters, now }: ArchiveOptions): Promise<ReadableStream<Uint8Array>> {
  const invoices = await listAllInvoices(stripe, { customerId, filters, now, max: MAX_ARCHIVE_INVOICES })
  const archive = new ZipArchive({ zlib: { level: 6 } })
  const stop = new AbortController()
  const body = readableToWeb(archive, () => {
    stop.abort()
    archive.abort()
  })

  const fill = async () => {
    const added = once(archive, 'entry', { signal: stop.signal })
    archive.append(invoicesCsv(invoices.map((invoice) => invoiceView(invoice, now))), { name: 'invoices.csv' })
    await added
    for (const invoice of invoices) {
      const pdf = await fetchInvoicePdf(invoice, stop.signal)
      const entry = once(archive, 'entry', { signal: stop.signal })
      archive.append(Readable.fromWeb(pdf as NodeWebReadableStream<Uint8Array>), { name: invoiceFileName(invoice), date: new Date(invoice.created * 1000) })
      await entry
    }
    await archive.finalize()
  }
  fill().catch((error: unknown) => {
    if (!stop.signal.aborted) archive.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  return body
}
