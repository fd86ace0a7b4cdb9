import { t } from '../i18n/t'

export const FORECAST_WINDOW_DAYS = 28

export type DailyQuantity = { date: string; quantity: number }

export type Forecast = { value: number; low: number; high: number; method: string }

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/**
 * Next month's quantity from the run rate: the last 28 complete days (four of each weekday) give a
 * weekday factor (that weekday's mean ÷ the overall mean) and a linear trend fitted to the
 * de-seasonalised days; each day of next month is trend × its weekday's factor, never below zero.
 * The range is a 95% interval: the days' scatter around the model (summed as independent days)
 * together with the trend's own uncertainty at that distance (summed as fully correlated).
 */
export function forecastNextMonth(history: readonly DailyQuantity[], horizon: readonly string[]): Forecast {
  const method = t('usage.forecast.method', { window: FORECAST_WINDOW_DAYS, days: horizon.length })
  const n = history.length
  if (n < 2 || horizon.length === 0) return { value: 0, low: 0, high: 0, method }
  // Each date parsed once: the rounds below look every day's weekday up many times.
  const x = history.map((day) => dayNumber(day.date))
  const days = history.map((day, i) => ({ quantity: day.quantity, x: x[i]!, weekday: weekday(day.date) }))
  const meanX = x.reduce((a, b) => a + b, 0) / n
  const sxx = x.reduce((sum, xi) => sum + (xi - meanX) ** 2, 0)
  const factor = new Map<number, number>()
  const factorOf = (w: number) => factor.get(w) ?? 1
  let level = 0
  let slope = 0
  // Alternate: a trend fitted to the de-seasonalised days, then weekday factors from the days over
  // that trend (so growth isn't mistaken for "later weekdays are busier"). Three rounds settle it.
  for (let round = 0; round < 3; round++) {
    const z = days.map((day) => day.quantity / factorOf(day.weekday))
    level = z.reduce((a, b) => a + b, 0) / n
    slope = sxx > 0 ? x.reduce((sum, xi, i) => sum + (xi - meanX) * (z[i]! - level), 0) / sxx : 0
    const ratios = new Map<number, number[]>()
    for (const day of days) {
      const trend = level + slope * (day.x - meanX)
      if (trend <= 0) continue
      const values = ratios.get(day.weekday)
      if (values) values.push(day.quantity / trend)
      else ratios.set(day.weekday, [day.quantity / trend])
    }
    const means = [...ratios].map(([w, values]) => [w, values.reduce((a, b) => a + b, 0) / values.length] as const)
    const average = means.reduce((sum, [, mean]) => sum + mean, 0) / (means.length || 1)
    factor.clear()
    for (const [w, mean] of means) factor.set(w, average > 0 && mean > 0 ? mean / average : 1)
  }
  const fitted = (day: number, w: number) => (level + slope * (day - meanX)) * factorOf(w)
  const residuals = days.map((day) => day.quantity - fitted(day.x, day.weekday))
  // Degrees of freedom: the level, the slope and six free weekday factors were fitted to these days.
  const sigma = Math.sqrt(residuals.reduce((sum, r) => sum + r * r, 0) / Math.max(1, n - 8))
  let value = 0
  let trendError = 0
  for (const date of horizon) {
    const day = dayNumber(date)
    const w = weekday(date)
    value += Math.max(0, fitted(day, w))
    trendError += sigma * factorOf(w) * Math.sqrt(1 / n + (day - meanX) ** 2 / (sxx || 1))
  }
  const half = 1.96 * Math.sqrt(horizon.length * sigma * sigma + trendError * trendError)
  const round = (q: number) => Math.round(q * 100) / 100
  return { value: round(value), low: round(Math.max(0, value - half)), high: round(value + half), method }
}
