import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './features'
import { scoreInto, softmaxInPlace, toLinearModel, type LinearModel } from './linear-model'
import { DEFAULT_SVM_OPTIONS, trainLinearSvm, type SvmOptions } from './linear-svm'
import { seededRandom, shuffleInPlace } from './seeded-random'
import { trainComplementNb } from './complement-nb'
import { TfidfVectorizer } from './vectorizer'

/**
 * TF-IDF over hashed word + character n-grams into a linear model; the one-vs-rest linear
 * SVM is the default, chosen by 5-fold CV on the labeled samples (docs/ticket-audit.md
 * has the comparison with complement naive Bayes).
 */
export class TextClassifier {
  private readonly scores: Float64Array

  constructor(
    readonly labels: readonly string[],
    readonly vectorizer: TfidfVectorizer,
    readonly weights: LinearModel,
    /** Softmax temperature fitted on held-out decision values, so confidences are calibrated. */
    readonly probabilityScale: number,
  ) {
    this.scores = new Float64Array(weights.stride)
  }

  /** Raw one-vs-rest decision values per label, into a buffer the next call overwrites. */
  decisionValues(text: string): Float64Array {
    scoreInto(this.weights, this.vectorizer.transformShared(text), this.scores)
    return this.scores
  }

  predict(text: string): { label: string; confidence: number } {
    const probabilities = this.decisionValues(text)
    const best = softmaxInPlace(probabilities, this.labels.length, this.probabilityScale)
    return { label: this.labels[best]!, confidence: probabilities[best]! }
  }
}

export const ALGORITHMS = ['linear-svm', 'complement-nb'] as const
export type Algorithm = (typeof ALGORITHMS)[number]

export interface TrainingOptions {
  readonly algorithm: Algorithm
  readonly features: FeatureConfig
  readonly svm: SvmOptions
  /** Folds used to fit the softmax temperature; 0 skips calibration (e.g. inside cross-validation). */
  readonly calibrationFolds: number
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = { algorithm: 'linear-svm', features: DEFAULT_FEATURE_CONFIG, svm: DEFAULT_SVM_OPTIONS, calibrationFolds: 3 }

/** Used when calibration is skipped or impossible; typical of fitted values on the samples. */
const FALLBACK_PROBABILITY_SCALE = 5

export function trainTextClassifier(texts: readonly string[], labels: readonly string[], options: TrainingOptions = DEFAULT_TRAINING_OPTIONS): TextClassifier {
  if (texts.length !== labels.length) throw new Error('texts and labels differ in length')
  const labelNames = [...new Set(labels)].sort()
  if (labelNames.length < 2) throw new Error(`training needs at least two labels, found ${labelNames.length}`)
  const labelIndex = new Map(labelNames.map((label, index) => [label, index]))
  const targets = Int32Array.from(labels, (label) => labelIndex.get(label)!)
  const { vectorizer, weights } = fitLinear(texts, targets, labelNames.length, options)
  const scale = options.calibrationFolds >= 2 ? fitProbabilityScale(texts, targets, labelNames.length, options) : FALLBACK_PROBABILITY_SCALE
  return new TextClassifier(labelNames, vectorizer, weights, scale)
}

function fitLinear(texts: readonly string[], targets: Int32Array, classCount: number, options: TrainingOptions): { vectorizer: TfidfVectorizer; weights: LinearModel } {
  const vectorizer = TfidfVectorizer.fit(texts, options.features)
  const rows = texts.map((text) => vectorizer.transform(text))
  const weights =
    options.algorithm === 'linear-svm'
      ? trainLinearSvm(rows, targets, classCount, vectorizer.featureCount, options.svm)
      : trainComplementNb(rows, targets, classCount, vectorizer.featureCount)
  return { vectorizer, weights: toLinearModel(weights) }
}

/**
 * Collects decision values on held-out folds and picks the softmax scale that minimizes
 * their negative log-likelihood (temperature scaling, Guo et al. 2017).
 */
function fitProbabilityScale(texts: readonly string[], targets: Int32Array, classCount: number, options: TrainingOptions): number {
  const order = Int32Array.from(texts, (_, i) => i)
  shuffleInPlace(order, seededRandom(options.svm.seed))
  const heldOut: { scores: Float64Array; target: number }[] = []
  for (let fold = 0; fold < options.calibrationFolds; fold++) {
    const trainIndices = order.filter((_, position) => position % options.calibrationFolds !== fold)
    const testIndices = order.filter((_, position) => position % options.calibrationFolds === fold)
    const trainTargets = Int32Array.from(trainIndices, (i) => targets[i]!)
    if (new Set(trainTargets).size < 2) continue
    const { vectorizer, weights } = fitLinear(Array.from(trainIndices, (i) => texts[i]!), trainTargets, classCount, options)
    for (const i of testIndices) {
      const scores = new Float64Array(weights.stride)
      scoreInto(weights, vectorizer.transformShared(texts[i]!), scores)
      heldOut.push({ scores: scores.subarray(0, classCount), target: targets[i]! })
    }
  }
  if (heldOut.length === 0) return FALLBACK_PROBABILITY_SCALE
  const negativeLogLikelihood = (logScale: number): number => {
    const scale = Math.exp(logScale)
    let total = 0
    const probabilities = new Float64Array(classCount)
    for (const { scores, target } of heldOut) {
      probabilities.set(scores)
      softmaxInPlace(probabilities, classCount, scale)
      total -= Math.log(Math.max(probabilities[target]!, 1e-12))
    }
    return total
  }
  return Math.exp(goldenSectionMinimum(negativeLogLikelihood, Math.log(0.1), Math.log(200)))
}

function goldenSectionMinimum(f: (x: number) => number, low: number, high: number, iterations = 40): number {
  const ratio = (Math.sqrt(5) - 1) / 2
  let a = low
  let b = high
  let c = b - ratio * (b - a)
  let d = a + ratio * (b - a)
  let fc = f(c)
  let fd = f(d)
  for (let i = 0; i < iterations; i++) {
    if (fc < fd) {
      b = d
      d = c
      fd = fc
      c = b - ratio * (b - a)
      fc = f(c)
    } else {
      a = c
      c = d
      fc = fd
      d = a + ratio * (b - a)
      fd = f(d)
    }
  }
  return (a + b) / 2
}
