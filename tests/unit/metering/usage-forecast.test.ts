import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { forecastNextMonth, type DailyQuantity } from '../../../src/metering/forecast-next-month'

const DAY_MS = 86_400_000
/** 28 days ending 2026-11-30 (a Monday start: 2026-11-02), then December's 31 days. */
const START = Date.UTC(2026, 10, 3)
const date = (index: number) => new Date(START + index * DAY_MS).toISOString().slice(0, 10)
const history = (value: (index: number, weekday: number) => number): DailyQuantity[] =>
  Array.from({ length: 28 }, (_, i) => ({ date: date(i), quantity: value(i, new Date(START + i * DAY_MS).getUTCDay()) }))
const horizon = Array.from({ length: 31 }, (_, i) => date(28 + i))
const realised = (value: (index: number, weekday: number) => number) => horizon.reduce((sum, _, k) => sum + value(28 + k, new Date(START + (28 + k) * DAY_MS).getUTCDay()), 0)

/** Tolerance: a noiseless series the model can represent is forecast within 0.5% and its range is tight. */
describe('forecastNextMonth on synthetic series', () => {
  it('flat: 100 a day → 3,100 for a 31-day month', () => {
    const forecast = forecastNextMonth(history(() => 100), horizon)
    expect(forecast.value).toBeCloseTo(3_100, 0)
    expect(forecast.low).toBeCloseTo(3_100, 0)
    expect(forecast.high).toBeCloseTo(3_100, 0)
    expect(forecast.method).toMatch(/Weekday-aware daily mean over the last 28 complete days.*trend.*31 days/)
  })

  it('linear growth: 100 + 5·day → the sum of the continued line', () => {
    const line = (i: number) => 100 + 5 * i
    expect(Math.abs(forecastNextMonth(history(line), horizon).value - realised(line)) / realised(line)).toBeLessThan(0.005)
  })

  it('weekly seasonality: 200 on weekdays, 50 at weekends → December’s weekday count', () => {
    const weekly = (_: number, weekday: number) => (weekday === 0 || weekday === 6 ? 50 : 200)
    // December 2026: 23 weekdays, 8 weekend days → 23·200 + 8·50 = 5,000.
    expect(realised(weekly)).toBe(5_000)
    expect(Math.abs(forecastNextMonth(history(weekly), horizon).value - 5_000) / 5_000).toBeLessThan(0.005)
  })

  it('nothing used → zero, not NaN', () => {
    expect(forecastNextMonth(history(() => 0), horizon)).toMatchObject({ value: 0, low: 0, high: 0 })
  })

  it('back-test: for noisy weekly series with growth, the 95% range holds the realised month at least 90% of the time', () => {
    let held = 0
    const runs = 200
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 5_000 }), fc.double({ min: -0.01, max: 0.02, noNaN: true }), fc.double({ min: 0.05, max: 0.3, noNaN: true }), fc.integer(), (level, growth, noiseShare, seed) => {
        let state = seed >>> 0 || 1
        const uniform = () => ((state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32)
        const gaussian = () => Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform())
        const noisy = Array.from({ length: 59 }, (_, i) => {
          const weekday = new Date(START + i * DAY_MS).getUTCDay()
          const mean = level * (1 + growth * i) * (weekday === 0 || weekday === 6 ? 0.4 : 1)
          return Math.max(0, mean * (1 + noiseShare * gaussian()))
        })
        const forecast = forecastNextMonth(noisy.slice(0, 28).map((quantity, i) => ({ date: date(i), quantity })), horizon)
        const actual = noisy.slice(28).reduce((a, b) => a + b, 0)
        if (forecast.low <= actual && actual <= forecast.high) held++
        expect(forecast.low).toBeLessThanOrEqual(forecast.value)
        expect(forecast.value).toBeLessThanOrEqual(forecast.high)
      }),
      { numRuns: runs, seed: 13 },
    )
    expect(held / runs).toBeGreaterThanOrEqual(0.9)
  })
})
