import { describe, expect, it } from 'vitest'
import { MedianEstimator } from '../../../src/tickets/median-estimator'
import { seededRandom } from '../../../src/tickets/classifier/seeded-random'

describe('MedianEstimator', () => {
  it('is exact while values fit in the exact buffer', () => {
    const odd = new MedianEstimator(8)
    for (const value of [9, 2, 4]) odd.add(value)
    expect(odd.median()).toBe(4)
    const even = new MedianEstimator(8)
    for (const value of [1.5, 0.5, 24, 48]) even.add(value)
    expect(even.median()).toBe(12.75)
    expect(even.isExact).toBe(true)
    expect(new MedianEstimator().median()).toBeNull()
  })

  it('stays within 1% past the exact capacity, in constant memory', () => {
    const random = seededRandom(3)
    const estimator = new MedianEstimator(100)
    const values: number[] = []
    for (let i = 0; i < 20_000; i++) {
      const hours = Math.exp(2 + 1.5 * (random() + random() + random() - 1.5))
      values.push(hours)
      estimator.add(hours)
    }
    values.sort((a, b) => a - b)
    const exact = (values[9_999]! + values[10_000]!) / 2
    expect(estimator.isExact).toBe(false)
    expect(estimator.count).toBe(20_000)
    expect(Math.abs(estimator.median()! - exact) / exact).toBeLessThan(0.01)
  })

  it('puts zero durations in the lowest bin', () => {
    const estimator = new MedianEstimator(1)
    for (let i = 0; i < 5; i++) estimator.add(0)
    expect(estimator.median()).toBe(0)
  })
})
