import { describe, expect, it } from 'vitest'
import { classificationReport, crossValidate, stratifiedFolds } from '../../../src/tickets/metrics'

describe('classificationReport', () => {
  it('computes accuracy, per-label precision/recall/F1, macro-F1 and the confusion matrix', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'c']
    const predicted = ['a', 'a', 'b', 'b', 'c', 'c']
    const report = classificationReport(gold, predicted)
    expect(report.accuracy).toBeCloseTo(4 / 6)
    expect(report.labels).toEqual(['a', 'b', 'c'])
    expect(report.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ])
    const [a, b, c] = report.perLabel
    expect([a!.precision, a!.recall, a!.f1, a!.support]).toEqual([1, 2 / 3, 0.8, 3])
    expect([b!.precision, b!.recall, b!.f1]).toEqual([0.5, 0.5, 0.5])
    expect([c!.precision, c!.recall]).toEqual([0.5, 1])
    expect(c!.f1).toBeCloseTo(2 / 3)
    expect(report.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3)
  })

  it('averages F1 over true labels only; predicting an absent label still costs recall', () => {
    const report = classificationReport(['a', 'a'], ['a', 'z'])
    expect(report.labels).toEqual(['a', 'z'])
    expect(report.perLabel[0]!.recall).toBe(0.5)
    expect(report.macroF1).toBeCloseTo(2 / 3)
  })
})

describe('stratifiedFolds', () => {
  it('spreads every label evenly over the folds, reproducibly for a seed', () => {
    const labels = [...Array(10).fill('x'), ...Array(5).fill('y')] as string[]
    const folds = stratifiedFolds(labels, 5, 42)
    for (let fold = 0; fold < 5; fold++) {
      const members = labels.filter((_, i) => folds[i] === fold)
      expect(members.filter((l) => l === 'x')).toHaveLength(2)
      expect(members.filter((l) => l === 'y')).toHaveLength(1)
    }
    expect(Array.from(stratifiedFolds(labels, 5, 42))).toEqual(Array.from(folds))
    expect(Array.from(stratifiedFolds(labels, 5, 7))).not.toEqual(Array.from(folds))
  })
})

describe('crossValidate', () => {
  it('never trains on the fold it tests', () => {
    const texts = Array.from({ length: 20 }, (_, i) => `t${i}`)
    const labels = texts.map((_, i) => (i % 2 === 0 ? 'even' : 'odd'))
    // A "model" that memorizes: it can only be right on texts it was trained on.
    const result = crossValidate(texts, labels, 4, 1, (trainTexts, trainLabels) => {
      const known = new Map(trainTexts.map((t, i) => [t, trainLabels[i]!]))
      return (text) => known.get(text) ?? 'unknown'
    })
    expect(result.accuracy).toBe(0)
    expect(result.foldAccuracies).toEqual([0, 0, 0, 0])
    expect(result.examples).toBe(20)
  })
})
