import { DEFAULT_FEATURE_CONFIG, type FeatureConfig, type FeatureExtractor } from './features'
import { applyIsotonic, fitIsotonic, IDENTITY_MAP, type IsotonicMap } from './isotonic'
import { scoreInto, softmaxInPlace, toLinearModel, type LinearModel } from './linear-model'
import { DEFAULT_SVM_OPTIONS, trainLinearSvm, type SvmOptions } from './linear-svm'
import { seededRandom, shuffleInPlace } from './seeded-random'
import { trainComplementNb } from './complement-nb'
import { TfidfVectorizer } from './vectorizer'
import { DEFAULT_EMBEDDING_CONFIG, type EmbeddingConfig } from './vectors/sentence-embedder'
import { shippedWordVectors } from './vectors/word-vector-table'

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
    /** Top softmax probability → probability of being right, fitted on held-out folds. */
    readonly calibration: IsotonicMap = IDENTITY_MAP,
  ) {
    this.scores = new Float64Array(weights.stride)
  }

  /** The calibrated probability that a prediction with this top softmax probability is right. */
  calibrated(topProbability: number): number {
    return applyIsotonic(this.calibration, topProbability)
  }

  /** Raw one-vs-rest decision values per label, into a buffer the next call overwrites. */
  decisionValues(text: string): Float64Array {
    scoreInto(this.weights, this.vectorizer.transformShared(text), this.scores)
    return this.scores
  }

  predict(text: string): { label: string; confidence: number } {
    const probabilities = this.decisionValues(text)
    const best = softmaxInPlace(probabilities, this.labels.length, this.probabilityScale)
    return { label: this.labels[best]!, confidence: this.calibrated(probabilities[best]!) }
  }
}

export const ALGORITHMS = ['linear-svm', 'complement-nb'] as const
export type Algorithm = (typeof ALGORITHMS)[number]

export interface TrainingOptions {
  readonly algorithm: Algorithm
  readonly features: FeatureConfig
  readonly svm: SvmOptions
  /** Sentence-embedding features from the shipped word vectors; null for n-grams only. */
  readonly vectors: EmbeddingConfig | null
  /** Folds used to fit the softmax temperature and the isotonic calibration; 0 skips calibration (e.g. inside cross-validation). */
  readonly calibrationFolds: number
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  algorithm: 'linear-svm',
  features: DEFAULT_FEATURE_CONFIG,
  svm: DEFAULT_SVM_OPTIONS,
  vectors: DEFAULT_EMBEDDING_CONFIG,
  calibrationFolds: 3,
}

/**
 * What the tagger adds to the classifier's scores (the taxonomy's rules), so calibration is
 * fitted on the confidences the tagger will actually produce. Called with the scores of one
 * held-out text right after scoring it (the extractor still holds its words).
 */
export type LogitAdjuster = (labels: readonly string[]) => (text: string, logits: Float64Array, extractor: FeatureExtractor, probabilityScale: number) => void

/** Used when calibration is skipped or impossible; typical of fitted values on the samples. */
const FALLBACK_PROBABILITY_SCALE = 5

export function trainTextClassifier(texts: readonly string[], labels: readonly string[], options: TrainingOptions = DEFAULT_TRAINING_OPTIONS, adjuster: LogitAdjuster | null = null): TextClassifier {
  if (texts.length !== labels.length) throw new Error('texts and labels differ in length')
  const labelNames = [...new Set(labels)].sort()
  if (labelNames.length < 2) throw new Error(`training needs at least two labels, found ${labelNames.length}`)
  const labelIndex = new Map(labelNames.map((label, index) => [label, index]))
  const targets = Int32Array.from(labels, (label) => labelIndex.get(label)!)
  const { vectorizer, weights } = fitLinear(texts, targets, labelNames.length, options)
  if (options.calibrationFolds < 2) return new TextClassifier(labelNames, vectorizer, weights, FALLBACK_PROBABILITY_SCALE)
  const heldOut = heldOutScores(texts, targets, labelNames.length, options, adjuster?.(labelNames) ?? null)
  if (heldOut.length === 0) return new TextClassifier(labelNames, vectorizer, weights, FALLBACK_PROBABILITY_SCALE)
  const scale = fitProbabilityScale(heldOut, labelNames.length)
  return new TextClassifier(labelNames, vectorizer, weights, scale, fitCalibration(heldOut, labelNames.length, scale))
}

function fitLinear(texts: readonly string[], targets: Int32Array, classCount: number, options: TrainingOptions): { vectorizer: TfidfVectorizer; weights: LinearModel } {
  // Complement naive Bayes needs non-negative features: embeddings are for the SVM.
  const vectors = options.vectors !== null && options.algorithm === 'linear-svm' ? { table: shippedWordVectors(), config: options.vectors } : null
  const vectorizer = TfidfVectorizer.fit(texts, options.features, undefined, vectors)
  const rows = texts.map((text) => vectorizer.transform(text))
  const weights =
    options.algorithm === 'linear-svm'
      ? trainLinearSvm(rows, targets, classCount, vectorizer.featureCount, options.svm)
      : trainComplementNb(rows, targets, classCount, vectorizer.featureCount)
  return { vectorizer, weights: toLinearModel(weights) }
}

interface HeldOut {
  readonly text: string
  /** Decision values; the rules' bonus (if any) is added per scale when calibrating. */
  readonly scores: Float64Array
  readonly target: number
  readonly adjust: ((scale: number) => Float64Array) | null
}

/** Decision values of every text from a model trained on the other folds. */
function heldOutScores(texts: readonly string[], targets: Int32Array, classCount: number, options: TrainingOptions, adjust: ReturnType<LogitAdjuster> | null): HeldOut[] {
  const order = Int32Array.from(texts, (_, i) => i)
  shuffleInPlace(order, seededRandom(options.svm.seed))
  const heldOut: HeldOut[] = []
  for (let fold = 0; fold < options.calibrationFolds; fold++) {
    const trainIndices = order.filter((_, position) => position % options.calibrationFolds !== fold)
    const testIndices = order.filter((_, position) => position % options.calibrationFolds === fold)
    const trainTargets = Int32Array.from(trainIndices, (i) => targets[i]!)
    if (new Set(trainTargets).size < 2) continue
    const { vectorizer, weights } = fitLinear(Array.from(trainIndices, (i) => texts[i]!), trainTargets, classCount, options)
    for (const i of testIndices) {
      const scores = new Float64Array(weights.stride)
      scoreInto(weights, vectorizer.transformShared(texts[i]!), scores)
      const raw = scores.slice(0, classCount)
      // The rule bonus depends on the scale; keep the word hashes' effect by precomputing with scale 1 (bonus ∝ 1/scale).
      let bonus: Float64Array | null = null
      if (adjust !== null) {
        const adjusted = raw.slice()
        adjust(texts[i]!, adjusted, vectorizer.extractor, 1)
        bonus = adjusted.map((value, c) => value - raw[c]!)
      }
      heldOut.push({ text: texts[i]!, scores: raw, target: targets[i]!, adjust: bonus === null ? null : (scale) => raw.map((value, c) => value + bonus[c]! / scale) })
    }
  }
  return heldOut
}

/** The softmax scale that minimizes the held-out negative log-likelihood (temperature scaling, Guo et al. 2017). */
function fitProbabilityScale(heldOut: readonly HeldOut[], classCount: number): number {
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

/**
 * Temperature scaling makes the probabilities right on average; the isotonic map makes the
 * top one mean "right this often" at every level, rules included, which is what a threshold needs.
 */
function fitCalibration(heldOut: readonly HeldOut[], classCount: number, scale: number): IsotonicMap {
  const confidences = new Float64Array(heldOut.length)
  const correct = new Uint8Array(heldOut.length)
  heldOut.forEach((item, i) => {
    const probabilities = item.adjust ? item.adjust(scale) : item.scores.slice()
    const best = softmaxInPlace(probabilities, classCount, scale)
    confidences[i] = probabilities[best]!
    correct[i] = best === item.target ? 1 : 0
  })
  return fitIsotonic(confidences, correct)
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
