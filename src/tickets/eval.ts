import { DEFAULT_TRAINING_OPTIONS, trainTextClassifier, type Algorithm } from './classifier/text-classifier'
import { classificationReport, coverageCurve, crossValidate, topConfusions, type ClassificationReport, type CoveragePoint } from './metrics'
import { trainSeedClassifier } from './seed-classifier'
import { Tagger, type TaggerOptions } from './tagger'
import { UNCLASSIFIED, type Taxonomy } from './taxonomy'

/** The thresholds `audit:eval` reports coverage and accuracy at. */
export const COVERAGE_THRESHOLDS = [0.5, 0.7, 0.9] as const
const CONFUSIONS_LISTED = 15

export interface LabeledSet {
  readonly texts: readonly string[]
  readonly labels: readonly string[]
}

export type EvaluationMode = 'holdout' | 'cross-validation' | 'built-in tagger'

export interface Evaluation extends ClassificationReport {
  readonly mode: EvaluationMode
  readonly trainExamples: number
  readonly folds: number | null
  readonly foldAccuracies: readonly number[] | null
  readonly seconds: number
  /** Coverage vs accuracy at COVERAGE_THRESHOLDS (null when confidences were not calibrated). */
  readonly coverage: readonly CoveragePoint[] | null
  readonly confusions: readonly { readonly gold: string; readonly predicted: string; readonly count: number }[]
}

/**
 * Trains on `train` and scores on `test`, or runs stratified k-fold cross-validation on
 * `train` alone. Labels are learned as given, whatever they are.
 */
export function evaluateClassifier(
  train: LabeledSet,
  test: LabeledSet | null,
  options: { folds: number; seed: number; algorithm: Algorithm; vectors?: boolean; calibrate?: boolean },
): Evaluation {
  const startedAt = performance.now()
  // Calibrating inside each fold (2 inner folds) about doubles the time; without it there are no coverage figures.
  const calibrate = options.calibrate ?? false
  const trainingOptions = {
    ...DEFAULT_TRAINING_OPTIONS,
    algorithm: options.algorithm,
    calibrationFolds: calibrate ? 2 : 0,
    ...(options.vectors === false ? { vectors: null } : {}),
  }
  const trainer = (texts: readonly string[], labels: readonly string[]) => {
    const classifier = trainTextClassifier(texts, labels, trainingOptions)
    return (text: string) => classifier.predict(text)
  }
  if (test === null) {
    const { predicted, confidences, ...report } = crossValidate(train.texts, train.labels, options.folds, options.seed, trainer)
    const coverage = calibrate ? coverageCurve(train.labels, predicted, confidences, COVERAGE_THRESHOLDS, UNCLASSIFIED) : null
    return { ...report, mode: 'cross-validation', trainExamples: train.texts.length, folds: options.folds, seconds: elapsed(startedAt), coverage, confusions: topConfusions(report, CONFUSIONS_LISTED) }
  }
  const predict = trainer(train.texts, train.labels)
  const predictions = test.texts.map(predict)
  const report = classificationReport(
    test.labels,
    predictions.map((p) => p.label),
  )
  const coverage = calibrate
    ? coverageCurve(
        test.labels,
        predictions.map((p) => p.label),
        predictions.map((p) => p.confidence),
        COVERAGE_THRESHOLDS,
        UNCLASSIFIED,
      )
    : null
  return { ...report, mode: 'holdout', trainExamples: train.texts.length, folds: null, foldAccuracies: null, seconds: elapsed(startedAt), coverage, confusions: topConfusions(report, CONFUSIONS_LISTED) }
}

/**
 * Scores the tagger an audit uses when no labeled sample is given (classifier trained on
 * the taxonomy's own examples, plus rules and the unclassified threshold) against
 * labels that are taxonomy reasons.
 */
export function evaluateBuiltInTagger(test: LabeledSet, taxonomy: Taxonomy, options: TaggerOptions): Evaluation {
  const startedAt = performance.now()
  const tagger = new Tagger(taxonomy, trainSeedClassifier(taxonomy, undefined, options.ruleWeight), options)
  const results = test.texts.map((text, i) => tagger.tag(String(i), text))
  const report = classificationReport(
    test.labels,
    results.map((r) => r.reason),
  )
  const coverage = coverageCurve(
    test.labels,
    results.map((r) => r.best),
    results.map((r) => r.confidence),
    COVERAGE_THRESHOLDS,
    UNCLASSIFIED,
  )
  return { ...report, mode: 'built-in tagger', trainExamples: 0, folds: null, foldAccuracies: null, seconds: elapsed(startedAt), coverage, confusions: topConfusions(report, CONFUSIONS_LISTED) }
}

function elapsed(startedAt: number): number {
  return (performance.now() - startedAt) / 1000
}
