import { DEFAULT_TRAINING_OPTIONS, trainTextClassifier, type Algorithm } from './classifier/text-classifier'
import { classificationReport, crossValidate, type ClassificationReport } from './metrics'
import { trainSeedClassifier } from './seed-classifier'
import { Tagger, type TaggerOptions } from './tagger'
import type { Taxonomy } from './taxonomy'

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
}

/**
 * Trains on `train` and scores on `test`, or runs stratified k-fold cross-validation on
 * `train` alone. Labels are learned as given, whatever they are.
 */
export function evaluateClassifier(train: LabeledSet, test: LabeledSet | null, options: { folds: number; seed: number; algorithm: Algorithm }): Evaluation {
  const startedAt = performance.now()
  const trainingOptions = { ...DEFAULT_TRAINING_OPTIONS, algorithm: options.algorithm, calibrationFolds: 0 }
  const trainer = (texts: readonly string[], labels: readonly string[]) => {
    const classifier = trainTextClassifier(texts, labels, trainingOptions)
    return (text: string) => classifier.predict(text).label
  }
  if (test === null) {
    const report = crossValidate(train.texts, train.labels, options.folds, options.seed, trainer)
    return { ...report, mode: 'cross-validation', trainExamples: train.texts.length, folds: options.folds, seconds: elapsed(startedAt) }
  }
  const predict = trainer(train.texts, train.labels)
  const report = classificationReport(test.labels, test.texts.map(predict))
  return { ...report, mode: 'holdout', trainExamples: train.texts.length, folds: null, foldAccuracies: null, seconds: elapsed(startedAt) }
}

/**
 * Scores the tagger an audit uses when no labeled sample is given (classifier trained on
 * the taxonomy's own examples, plus rules and the unclassified threshold) against
 * labels that are taxonomy reasons.
 */
export function evaluateBuiltInTagger(test: LabeledSet, taxonomy: Taxonomy, options: TaggerOptions): Evaluation {
  const startedAt = performance.now()
  const tagger = new Tagger(taxonomy, trainSeedClassifier(taxonomy), options)
  const report = classificationReport(test.labels, test.texts.map((text, i) => tagger.tag(String(i), text).reason))
  return { ...report, mode: 'built-in tagger', trainExamples: 0, folds: null, foldAccuracies: null, seconds: elapsed(startedAt) }
}

function elapsed(startedAt: number): number {
  return (performance.now() - startedAt) / 1000
}
