/** `start` moved on by `count` intervals in UTC, clamping the day like Stripe (Jan 31 + 1 month = Feb 28/29). */
export function addInterval(start: number, interval: 'day' | 'week' | 'month' | 'year', count: number): number {
  const date = new Date(start * 1000)
  if (interval === 'day' || interval === 'week') return start + count * (interval === 'day' ? 1 : 7) * 86_400
  const months = interval === 'year' ? 12 * count : count
  const day = date.getUTCDate()
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return Math.floor(target.getTime() / 1000)
}
