import type { StripeObject } from './store'
import { formatMoney } from './money'

type TextLine = { x: number; y: number; size: number; bold?: boolean; text: string }

/**
 * A one-page invoice PDF, written by hand: PDF 1.4, the two standard Helvetica fonts (no
 * embedding), one text content stream and a byte-exact xref table — enough for any viewer and for
 * `pdftotext`, with no dependency. Long invoices are cut at the page end with a note.
 */
export function renderInvoicePdf(invoice: StripeObject): Buffer {
  return buildPdf(invoiceText(invoice))
}

function invoiceText(invoice: StripeObject): TextLine[] {
  const date = (seconds: number | null) => (seconds ? new Date(seconds * 1000).toISOString().slice(0, 10) : '-')
  const money = (amount: number) => formatMoney(amount, invoice.currency)
  const address = invoice.customer_address as Record<string, string | null> | null
  const lines: TextLine[] = [
    { x: 50, y: 790, size: 20, bold: true, text: 'Invoice' },
    { x: 50, y: 770, size: 9, text: 'Local Stripe emulator - test mode. Not a real invoice.' },
    { x: 50, y: 740, size: 10, text: 'Invoice number:' },
    { x: 150, y: 740, size: 10, text: invoice.number ?? 'draft' },
    { x: 50, y: 726, size: 10, text: `Date of issue: ${date(invoice.effective_at ?? invoice.created)}` },
    { x: 50, y: 712, size: 10, text: `Status: ${invoice.status}` },
    { x: 330, y: 740, size: 10, bold: true, text: 'Bill to' },
    { x: 330, y: 726, size: 10, text: invoice.customer_name ?? invoice.customer },
    { x: 330, y: 712, size: 10, text: invoice.customer_email ?? '' },
  ]
  const addressLines = [address?.line1, address?.line2, [address?.postal_code, address?.city].filter(Boolean).join(' '), address?.country].filter(Boolean)
  addressLines.forEach((text, i) => lines.push({ x: 330, y: 698 - i * 14, size: 10, text: text ?? '' }))
  for (const [i, taxId] of (invoice.customer_tax_ids ?? []).entries()) lines.push({ x: 330, y: 642 - i * 14, size: 10, text: `Tax ID: ${taxId.value}` })

  let y = 600
  lines.push({ x: 50, y, size: 10, bold: true, text: 'Description' }, { x: 400, y, size: 10, bold: true, text: 'Qty' }, { x: 460, y, size: 10, bold: true, text: 'Amount' })
  for (const line of invoice.lines.data as StripeObject[]) {
    y -= 18
    if (y < 140) {
      lines.push({ x: 50, y, size: 9, text: 'More lines are listed on the hosted invoice page.' })
      break
    }
    lines.push({ x: 50, y, size: 10, text: String(line.description ?? '').slice(0, 70) }, { x: 400, y, size: 10, text: String(line.quantity ?? 1) }, { x: 460, y, size: 10, text: money(line.amount) })
    lines.push({ x: 50, y: y - 11, size: 8, text: `${date(line.period.start)} - ${date(line.period.end)}` })
    y -= 8
  }
  y -= 30
  lines.push(
    { x: 330, y, size: 10, text: 'Subtotal' }, { x: 460, y, size: 10, text: money(invoice.subtotal) },
    { x: 330, y: y - 14, size: 10, bold: true, text: 'Total' }, { x: 460, y: y - 14, size: 10, bold: true, text: money(invoice.total) },
    { x: 330, y: y - 28, size: 10, text: 'Amount paid' }, { x: 460, y: y - 28, size: 10, text: money(invoice.amount_paid) },
    { x: 330, y: y - 42, size: 10, bold: true, text: 'Amount due' }, { x: 460, y: y - 42, size: 10, bold: true, text: money(invoice.amount_remaining) },
  )
  return lines
}

/** PDF strings are Latin-1 here (WinAnsi fonts); anything else becomes '?' and the delimiters are escaped. */
function pdfString(text: string): string {
  return `(${text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)})`
}

function buildPdf(lines: TextLine[]): Buffer {
  const stream = lines.map((l) => `BT /${l.bold ? 'F2' : 'F1'} ${l.size} Tf ${l.x} ${l.y} Td ${pdfString(l.text)} Tj ET`).join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Producer (Portico local Stripe emulator) /Title (Invoice) >>',
  ]
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets: number[] = []
  let length = chunks[0]?.length ?? 0
  objects.forEach((body, i) => {
    offsets.push(length)
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1')
    chunks.push(chunk)
    length += chunk.length
  })
  // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space + LF.
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `)].join('\n')
  const trailer = `\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${length}\n%%EOF\n`
  chunks.push(Buffer.from(xref + trailer, 'latin1'))
  return Buffer.concat(chunks)
}
