import { describe, expect, it } from 'vitest'

import { renderInvoicePdf } from '../../../emulator/stripe/invoice-pdf'

const invoice = {
  id: 'in_1',
  object: 'invoice',
  number: 'ABCD1234-0007',
  status: 'paid',
  currency: 'usd',
  created: 1_767_225_600,
  effective_at: 1_767_225_600,
  customer: 'cus_1',
  customer_name: 'Demo Co (Ä) \\ test',
  customer_email: 'billing@demo.test',
  customer_address: { line1: '1 Demo Street', line2: null, city: 'Berlin', postal_code: '10115', country: 'DE', state: null },
  customer_tax_ids: [{ type: 'eu_vat', value: 'DE123456789' }],
  lines: { data: [{ description: '1 × Growth (at $99.00 / month)', quantity: 1, amount: 9900, period: { start: 1_767_225_600, end: 1_769_904_000 } }] },
  subtotal: 9900,
  total: 9900,
  amount_paid: 9900,
  amount_remaining: 0,
}

describe('invoice PDF', () => {
  const pdf = renderInvoicePdf(invoice)
  const text = pdf.toString('latin1')

  it('is a PDF whose startxref points at a well-formed xref table', () => {
    expect(text.startsWith('%PDF-1.4')).toBe(true)
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true)
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)?.[1])
    expect(text.slice(startxref, startxref + 4)).toBe('xref')
    const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref)) ?? []
    const entries = text.slice(startxref).split('\n').slice(2, 2 + Number(count))
    // Every in-use entry's offset must land exactly on "<n> 0 obj".
    entries.slice(1).forEach((entry, i) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/)
      expect(text.slice(Number(entry.slice(0, 10))).startsWith(`${i + 1} 0 obj`)).toBe(true)
    })
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1])
    const streamStart = text.indexOf('stream\n') + 'stream\n'.length
    expect(text.slice(streamStart + length, streamStart + length + '\nendstream'.length)).toBe('\nendstream')
  })

  it('carries the invoice number, customer, lines and totals as text', () => {
    for (const expected of ['(ABCD1234-0007)', '(Demo Co \\(\xc4\\) \\\\ test)', '(1 \xd7 Growth \\(at $99.00 / month\\))', '($99.00)', '(Tax ID: DE123456789)', 'test mode']) {
      expect(text).toContain(expected)
    }
  })
})
