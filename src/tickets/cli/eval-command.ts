import { basename } from 'node:path'
import { ALGORITHMS, type Algorithm } from '../classifier/text-classifier'
import { evaluateBuiltInTagger, evaluateClassifier, type Evaluation, type LabeledSet } from '../eval'
import { DEFAULT_LABELED_COLUMNS, readLabeledExamples, type LabeledColumns } from '../labeled-data'
import { applyLabelMap, readLabelMap, type LabelMap } from '../label-map'
import { DEFAULT_TAGGER_OPTIONS } from '../tagger'
import { DEFAULT_TAXONOMY } from '../taxonomy'
import { numberOption, parseOptions, requireOption, requireReadableFile, UsageError } from './cli-support'

export const EVAL_USAGE = `usage: npm run audit:eval -- --train <labeled.csv> [--test <labeled.csv>] [options]

  --train <file>          labeled CSV to train on (with --test), or to cross-validate on (without)
  --test <file>           labeled CSV to score on
  --text-column <name>    text column (default: text)
  --label-column <name>   label column (default: label)
  --label-map <file>      map labels first (e.g. src/tickets/mappings/bitext-to-taxonomy.json; null → unclassified)
  --built-in              score the audit's built-in tagger (no training) on --train's (mapped) labels
  --threshold <0..1>      unclassified threshold for --built-in (default: ${DEFAULT_TAGGER_OPTIONS.threshold})
  --folds <k>             cross-validation folds (default: 5)
  --seed <n>              shuffle seed for the folds (default: 1)
  --algorithm <name>      ${ALGORITHMS.join(' | ')} (default: linear-svm)
  --no-vectors            n-gram features only (no pretrained word vectors), for comparison
  --no-calibration        skip calibration inside the folds (about half the time; no coverage table)
  --json                  print one JSON object instead of tables`

const OPTIONS = {
  train: { type: 'string' },
  test: { type: 'string' },
  'text-column': { type: 'string', default: DEFAULT_LABELED_COLUMNS.textColumn },
  'label-column': { type: 'string', default: DEFAULT_LABELED_COLUMNS.labelColumn },
  'label-map': { type: 'string' },
  'built-in': { type: 'boolean', default: false },
  threshold: { type: 'string' },
  folds: { type: 'string' },
  seed: { type: 'string' },
  algorithm: { type: 'string', default: 'linear-svm' },
  'no-vectors': { type: 'boolean', default: false },
  'no-calibration': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const

export interface EvalOutput extends Evaluation {
  readonly train: string
  readonly test: string | null
  readonly labelMap: string | null
  readonly algorithm: Algorithm | null
}

export async function evalCommand(argv: string[], log: (line: string) => void): Promise<EvalOutput | null> {
  const values = parseOptions(argv, OPTIONS)
  if (values.help) {
    log(EVAL_USAGE)
    return null
  }
  const trainPath = await requireReadableFile(requireOption(values.train, 'train'), 'train')
  const testPath = values.test === undefined ? null : await requireReadableFile(values.test, 'test')
  if (!(ALGORITHMS as readonly string[]).includes(values.algorithm)) throw new UsageError(`--algorithm must be one of ${ALGORITHMS.join(', ')}`)
  if (values['built-in'] && testPath !== null) throw new UsageError('--built-in scores --train itself; --test is not used with it')
  const columns: LabeledColumns = { textColumn: values['text-column'], labelColumn: values['label-column'] }
  const labelMap = values['label-map'] === undefined ? null : await readLabelMap(await requireReadableFile(values['label-map'], 'label-map'))
  const train = await readSet(trainPath, columns, labelMap, log)
  const test = testPath === null ? null : await readSet(testPath, columns, labelMap, log)

  let evaluation: Evaluation
  if (values['built-in']) {
    const threshold = numberOption(values.threshold, 'threshold', DEFAULT_TAGGER_OPTIONS.threshold, { min: 0, max: 1 })
    evaluation = evaluateBuiltInTagger(train, DEFAULT_TAXONOMY, { ...DEFAULT_TAGGER_OPTIONS, threshold })
  } else {
    const folds = Math.floor(numberOption(values.folds, 'folds', 5, { min: 2, max: 50 }))
    const seed = Math.floor(numberOption(values.seed, 'seed', 1, { min: 0 }))
    evaluation = evaluateClassifier(train, test, { folds, seed, algorithm: values.algorithm as Algorithm, vectors: !values['no-vectors'], calibrate: !values['no-calibration'] })
  }
  const output: EvalOutput = {
    ...evaluation,
    train: trainPath,
    test: testPath,
    labelMap: values['label-map'] ?? null,
    algorithm: values['built-in'] ? null : (values.algorithm as Algorithm),
  }
  if (values.json) log(JSON.stringify(output))
  else for (const line of formatEvaluation(output)) log(line)
  return output
}

async function readSet(path: string, columns: LabeledColumns, labelMap: LabelMap | null, log: (line: string) => void): Promise<LabeledSet> {
  const examples = await readLabeledExamples(path, columns, null)
  if (examples.problems.length > 0) log(`${path}: ${examples.problems.length} unusable rows (first: ${examples.problems[0]})`)
  if (examples.texts.length === 0) throw new UsageError(`${path} has no labeled rows`)
  return { texts: examples.texts, labels: labelMap === null ? examples.labels : applyLabelMap(examples.labels, labelMap) }
}

const WORST_LISTED = 10
const MATRIX_MAX_LABELS = 30

export function formatEvaluation(output: EvalOutput): string[] {
  const how =
    output.mode === 'cross-validation'
      ? `${output.folds}-fold cross-validation on ${basename(output.train)}`
      : output.mode === 'holdout'
        ? `trained on ${basename(output.train)} (${output.trainExamples}), scored on ${basename(output.test ?? '')}`
        : `built-in tagger (no training) on ${basename(output.train)}`
  const lines = [
    `${how}${output.labelMap ? `, labels mapped by ${basename(output.labelMap)}` : ''}: ${output.examples} examples, ${output.labels.length} labels, ${output.seconds.toFixed(1)} s`,
    `accuracy ${output.accuracy.toFixed(4)}   macro-F1 ${output.macroF1.toFixed(4)}`,
  ]
  if (output.foldAccuracies) lines.push(`fold accuracies ${output.foldAccuracies.map((a) => a.toFixed(3)).join(' ')}`)
  if (output.coverage) {
    lines.push('', 'coverage vs accuracy (a label is kept when its calibrated confidence reaches the threshold)', 'threshold  coverage  accuracy of covered')
    for (const point of output.coverage) lines.push(`${point.threshold.toFixed(2).padStart(9)}  ${point.coverage.toFixed(3).padStart(8)}  ${point.accuracy === null ? '–' : point.accuracy.toFixed(3)}`)
  }
  const width = Math.max(5, ...output.labels.map((label) => label.length))
  const scored = output.perLabel.map((scores, i) => ({ scores, number: i + 1 })).filter(({ scores }) => scores.support > 0)
  const worst = [...scored].sort((a, b) => a.scores.f1 - b.scores.f1 || a.scores.label.localeCompare(b.scores.label)).slice(0, WORST_LISTED)
  lines.push('', `the ${worst.length} worst labels by F1`, `${'#'.padStart(3)}  ${'label'.padEnd(width)}  precision  recall     f1  support`)
  for (const { scores, number } of worst) {
    lines.push(
      `${String(number).padStart(3)}  ${scores.label.padEnd(width)}  ${scores.precision.toFixed(3).padStart(9)}  ${scores.recall.toFixed(3).padStart(6)}  ${scores.f1.toFixed(3).padStart(5)}  ${String(scores.support).padStart(7)}`,
    )
  }
  if (output.confusions.length > 0) {
    lines.push('', 'most frequent confusions (true → predicted)')
    for (const c of output.confusions) lines.push(`${String(c.count).padStart(5)}  ${c.gold} → ${c.predicted}`)
  }
  // Past ~30 labels the matrix is unreadable; the confusion list above says the same.
  if (output.labels.length <= MATRIX_MAX_LABELS) {
    const cell = Math.max(3, ...output.confusion.flat().map((count) => String(count).length + 1))
    lines.push('', 'confusion matrix (rows: true label #, columns: predicted label #; # in label order)', output.labels.map((label, i) => `${i + 1} ${label}`).join(' · '))
    lines.push(`${''.padStart(4)}${output.labels.map((_, j) => String(j + 1).padStart(cell)).join('')}`)
    output.confusion.forEach((row, i) => lines.push(`${String(i + 1).padStart(4)}${row.map((count) => (count === 0 ? '.' : String(count)).padStart(cell)).join('')}`))
  }
  return lines
}
