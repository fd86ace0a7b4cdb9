import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyIsotonic, fitIsotonic } from '../../../src/tickets/classifier/isotonic'
import { seededRandom } from '../../../src/tickets/classifier/seeded-random'
import { DEFAULT_TRAINING_OPTIONS, trainTextClassifier } from '../../../src/tickets/classifier/text-classifier'
import { DEFAULT_LABELED_COLUMNS, readLabeledExamples } from '../../../src/tickets/labeled-data'
import { coverageCurve } from '../../../src/tickets/metrics'
import { UNCLASSIFIED } from '../../../src/tickets/taxonomy'
import { LABELED_TICKETS } from '../../helpers/tickets'

describe('fitIsotonic', () => {
  it('is monotone and recovers a known reliability curve on held-out data', () => {
    // Raw confidence c is right with probability c² (an overconfident model).
    const random = seededRandom(7)
    const sample = (n: number) => Array.from({ length: n }, () => {
      const c = random()
      return { c, right: random() < c * c }
    })
    const train = sample(4000)
    const map = fitIsotonic(train.map((s) => s.c), train.map((s) => s.right))
    for (let i = 1; i < map.values.length; i++) expect(map.values[i]!).toBeGreaterThanOrEqual(map.values[i - 1]!)
    const test = sample(4000)
    for (let bin = 0; bin < 5; bin++) {
      const members = test.filter((s) => Math.floor(s.c * 5) === bin)
      const predicted = members.reduce((sum, s) => sum + applyIsotonic(map, s.c), 0) / members.length
      const observed = members.filter((s) => s.right).length / members.length
      expect(Math.abs(predicted - observed)).toBeLessThan(0.06)
    }
  })

  it('maps a constant to its accuracy and leaves the identity for no data', () => {
    expect(applyIsotonic(fitIsotonic([0.9, 0.9, 0.9, 0.9], [true, false, true, true]), 0.9)).toBeCloseTo(0.75)
    expect(applyIsotonic(fitIsotonic([], []), 0.3)).toBeCloseTo(0.3)
  })
})

describe('calibrated confidence of a trained classifier', () => {
  it('on held-out Bitext rows, a threshold of p keeps a set that is right about p of the time or more', async () => {
    const data = await readLabeledExamples(path.join(LABELED_TICKETS, 'bitext-customer-support-dev.csv'), DEFAULT_LABELED_COLUMNS, null)
    // Every third row is held out; 500 training rows keep the test in the unit budget.
    const train = data.texts.map((_, i) => i).filter((i) => i % 3 !== 0 && i % 2 === 0)
    const test = data.texts.map((_, i) => i).filter((i) => i % 3 === 0)
    const classifier = trainTextClassifier(train.map((i) => data.texts[i]!), train.map((i) => data.labels[i]!), DEFAULT_TRAINING_OPTIONS)
    const predictions = test.map((i) => classifier.predict(data.texts[i]!))
    const curve = coverageCurve(test.map((i) => data.labels[i]!), predictions.map((p) => p.label), predictions.map((p) => p.confidence), [0.5, 0.8, 0.95], UNCLASSIFIED)
    for (const point of curve) {
      expect(point.accuracy).not.toBeNull()
      expect(point.accuracy!).toBeGreaterThanOrEqual(point.threshold - 0.05)
    }
    // Higher thresholds cover less: the confidence orders the predictions.
    expect(curve[2]!.coverage).toBeLessThan(curve[0]!.coverage)
    // Mean confidence tracks accuracy (reliability in the large).
    const meanConfidence = predictions.reduce((sum, p) => sum + p.confidence, 0) / predictions.length
    const accuracy = predictions.filter((p, k) => p.label === data.labels[test[k]!]).length / predictions.length
    expect(Math.abs(meanConfidence - accuracy)).toBeLessThan(0.05)
  }, 60_000)
})
