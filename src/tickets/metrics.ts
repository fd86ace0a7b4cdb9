import { seededRandom, shuffleInPlace } from './classifier/seeded-random'

export interface LabelScores {
  readonly label: string
  readonly precision: number
  readonly recall: number
  readonly f1: number
  /** Examples whose true label this is. */
  readonly support: number
}

export interface ClassificationReport {
  readonly examples: number
  readonly accuracy: number
  /**
   * Unweighted mean F1 over the labels that occur among the true labels. Predictions of
   * other labels still cost those labels recall, but don't add zero-F1 entries (which
   * would make a tagger with a wider label set look worse for labels nobody asked about).
   */
  readonly macroF1: number
  /** True and predicted labels, sorted; the rows and columns of `confusion`. */
  readonly labels: readonly string[]
  readonly perLabel: readonly LabelScores[]
  /** confusion[i][j]: examples of true label labels[i] predicted as labels[j]. */
  readonly confusion: readonly (readonly number[])[]
}

export function classificationReport(gold: readonly string[], predicted: readonly string[]): ClassificationReport {
  if (gold.length !== predicted.length) throw new Error('gold and predicted differ in length')
  const labels = [...new Set([...gold, ...predicted])].sort()
  const index = new Map(labels.map((label, i) => [label, i]))
  const confusion = labels.map(() => new Array<number>(labels.length).fill(0))
  let correct = 0
  gold.forEach((label, i) => {
    confusion[index.get(label)!]![index.get(predicted[i]!)!]!++
    if (label === predicted[i]) correct++
  })
  const perLabel = labels.map((label, i): LabelScores => {
    const truePositives = confusion[i]![i]!
    const support = confusion[i]!.reduce((a, b) => a + b, 0)
    const predictedCount = confusion.reduce((sum, row) => sum + row[i]!, 0)
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount
    const recall = support === 0 ? 0 : truePositives / support
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return { label, precision, recall, f1, support }
  })
  return {
    examples: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: mean(perLabel.filter((scores) => scores.support > 0).map((scores) => scores.f1)),
    labels,
    perLabel,
    confusion,
  }
}

/**
 * Assigns each example a fold in 0..k-1, stratified: each label's examples are shuffled
 * (seeded) and dealt round-robin, so every fold sees every label in proportion.
 */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): Int32Array {
  if (folds < 2) throw new Error('cross-validation needs at least 2 folds')
  const random = seededRandom(seed)
  const byLabel = new Map<string, number[]>()
  labels.forEach((label, i) => {
    const members = byLabel.get(label)
    if (members) members.push(i)
    else byLabel.set(label, [i])
  })
  const fold = new Int32Array(labels.length)
  let next = 0
  for (const label of [...byLabel.keys()].sort()) {
    const members = byLabel.get(label)!
    shuffleInPlace(members, random)
    for (const member of members) fold[member] = next++ % folds
  }
  return fold
}

/** A prediction with its (calibrated) probability of being right. */
export interface ScoredPrediction {
  readonly label: string
  readonly confidence: number
}

export type Trainer = (texts: readonly string[], labels: readonly string[]) => (text: string) => string | ScoredPrediction

/** k-fold cross-validation; predictions of all folds are pooled into one report (with their confidences when the trainer gives them). */
export function crossValidate(
  texts: readonly string[],
  labels: readonly string[],
  folds: number,
  seed: number,
  train: Trainer,
): ClassificationReport & { readonly foldAccuracies: readonly number[]; readonly predicted: readonly string[]; readonly confidences: Float64Array } {
  const foldOf = stratifiedFolds(labels, folds, seed)
  const predicted = new Array<string>(texts.length)
  const confidences = new Float64Array(texts.length).fill(1)
  const foldAccuracies: number[] = []
  for (let fold = 0; fold < folds; fold++) {
    const trainIndices = texts.map((_, i) => i).filter((i) => foldOf[i] !== fold)
    const testIndices = texts.map((_, i) => i).filter((i) => foldOf[i] === fold)
    const predict = train(trainIndices.map((i) => texts[i]!), trainIndices.map((i) => labels[i]!))
    let correct = 0
    for (const i of testIndices) {
      const prediction = predict(texts[i]!)
      if (typeof prediction === 'string') predicted[i] = prediction
      else {
        predicted[i] = prediction.label
        confidences[i] = prediction.confidence
      }
      if (predicted[i] === labels[i]) correct++
    }
    foldAccuracies.push(testIndices.length === 0 ? 0 : correct / testIndices.length)
  }
  return { ...classificationReport(labels, predicted), foldAccuracies, predicted, confidences }
}

export interface CoveragePoint {
  readonly threshold: number
  /** Share of all examples given a label (confidence at or above the threshold, and not `unclassified`). */
  readonly coverage: number
  /** Share of the covered examples whose label is right (null when none is covered). */
  readonly accuracy: number | null
}

/**
 * What a threshold buys: at each one, how many examples keep a label and how often that
 * label is right. With calibrated confidences the accuracy should stay at or above the threshold.
 */
export function coverageCurve(gold: readonly string[], best: readonly string[], confidences: ArrayLike<number>, thresholds: readonly number[], abstain: string): CoveragePoint[] {
  return thresholds.map((threshold) => {
    let covered = 0
    let correct = 0
    gold.forEach((label, i) => {
      if (confidences[i]! < threshold || best[i] === abstain) return
      covered++
      if (best[i] === label) correct++
    })
    return { threshold, coverage: gold.length === 0 ? 0 : covered / gold.length, accuracy: covered === 0 ? null : correct / covered }
  })
}

/** The most frequent mistakes, as true → predicted pairs with counts. */
export function topConfusions(report: ClassificationReport, limit: number): { readonly gold: string; readonly predicted: string; readonly count: number }[] {
  const pairs: { gold: string; predicted: string; count: number }[] = []
  report.confusion.forEach((row, i) =>
    row.forEach((count, j) => {
      if (i !== j && count > 0) pairs.push({ gold: report.labels[i]!, predicted: report.labels[j]!, count })
    }),
  )
  return pairs.sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted)).slice(0, limit)
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
}
