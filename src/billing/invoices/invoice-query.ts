import { z } from 'zod'
import { lazyMessage } from '../../i18n/t'

/** The statuses a customer filters by; "past due" is an open invoice whose due date has passed. */
export const INVOICE_STATUSES = ['paid', 'open', 'past_due', 'void', 'uncollectible'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

const DATE_MESSAGE = 'Expected a date as YYYY-MM-DD.'
/** A form's empty field means "no filter", as an absent one does. */
const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value)

/** A calendar day as YYYY-MM-DD: 2026-02-30 rolls over to March when parsed, so a real day is one that reads back as itself. */
const isRealDay = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const time = Date.parse(`${value}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
}

const isoDate = z.string({ error: DATE_MESSAGE }).refine(isRealDay, DATE_MESSAGE)

const filterShape = {
  status: z.preprocess(blankAsAbsent, z.enum(INVOICE_STATUSES, { error: `Expected one of ${INVOICE_STATUSES.join(', ')}.` }).optional()),
  from: z.preprocess(blankAsAbsent, isoDate.optional()),
  to: z.preprocess(blankAsAbsent, isoDate.optional()),
}

/** Only compared when both are real days; a bad date already has its own error. */
const rangeInOrder = (value: { from?: string; to?: string }) => !isRealDay(value.from) || !isRealDay(value.to) || value.from <= value.to
const RANGE_ORDER = { path: ['to'], message: 'The end date is before the start date.' }

/** Filters shared by the list, the page's URL and the ZIP: status and an inclusive date range (UTC days). */
export const InvoiceFilters = z.object(filterShape).refine(rangeInOrder, RANGE_ORDER)
export type InvoiceFilters = z.infer<typeof InvoiceFilters>

/** `GET /api/billing/invoices`: the filters plus Stripe's cursor (the last invoice id of the previous page). */
export const InvoiceListQuery = z
  .object({
    ...filterShape,
    cursor: z.preprocess(blankAsAbsent, z.string().regex(/^in_[A-Za-z0-9]{1,200}$/, lazyMessage('invoices.error.cursor')).optional()),
    limit: z.preprocess(blankAsAbsent, z.coerce.number().int().min(1).max(100).optional()),
  })
  .refine(rangeInOrder, RANGE_ORDER)
export type InvoiceListQuery = z.infer<typeof InvoiceListQuery>

/** `GET /api/billing/invoices/archive.zip`: a ZIP always covers a stated range. */
export const InvoiceArchiveQuery = z
  .object({ ...filterShape, from: isoDate, to: isoDate })
  .refine(rangeInOrder, RANGE_ORDER)
export type InvoiceArchiveQuery = z.infer<typeof InvoiceArchiveQuery>

/**
 * The page's search params read as the route reads its query; a value that fails (a hand-edited
 * date) is dropped rather than failing the page.
 */
export function parseInvoiceFilters(params: Record<string, string | string[] | undefined>): InvoiceFilters {
  const input = Object.fromEntries(
    (['status', 'from', 'to'] as const).flatMap((key) => {
      const value = params[key]
      const single = Array.isArray(value) ? value[0] : value
      return single ? [[key, single]] : []
    }),
  )
  const parsed = InvoiceFilters.safeParse(input)
  if (parsed.success) return parsed.data
  const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0])))
  return InvoiceFilters.parse(Object.fromEntries(Object.entries(input).filter(([key]) => !invalid.has(key))))
}
