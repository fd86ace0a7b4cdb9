/** A named date range for the filters, as the inclusive `from`/`to` days the list and the ZIP take. */
export type DatePreset = { id: 'this_quarter' | 'last_quarter' | 'this_year' | 'last_year'; from: string; to: string }

const day = (date: Date) => date.toISOString().slice(0, 10)
/** The last day of the month before `monthIndex` (Date rolls day 0 back into it). */
const lastDayBefore = (year: number, monthIndex: number) => day(new Date(Date.UTC(year, monthIndex, 0)))

/** This and last quarter, this and last year, in UTC calendar terms, as of `now` (injected, so tests fix it). */
export function invoiceDatePresets(now: Date): DatePreset[] {
  const year = now.getUTCFullYear()
  const quarterStart = Math.floor(now.getUTCMonth() / 3) * 3
  const range = (startYear: number, startMonth: number, months: number) => ({
    from: day(new Date(Date.UTC(startYear, startMonth, 1))),
    to: lastDayBefore(startYear, startMonth + months),
  })
  return [
    { id: 'this_quarter', ...range(year, quarterStart, 3) },
    { id: 'last_quarter', ...range(year, quarterStart - 3, 3) },
    { id: 'this_year', ...range(year, 0, 12) },
    { id: 'last_year', ...range(year - 1, 0, 12) },
  ]
}
