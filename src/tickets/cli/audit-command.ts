import { readFile, writeFile } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { classifierFromSnapshot, snapshotFromJson, snapshotOf, snapshotToJson } from '../classifier/serialize'
import { DEFAULT_TRAINING_OPTIONS, trainTextClassifier, type TextClassifier, type TrainingOptions } from '../classifier/text-classifier'
import { OUTPUT_FILES, runAudit } from '../audit'
import type { AuditSummary } from '../audit-summary'
import { FORMAT_IDS } from '../formats/detect-format'
import { parseColumnMap, type ColumnMap } from '../formats/mapped-csv'
import { FormatError } from '../formats/header-index'
import { DEFAULT_LABELED_COLUMNS, readLabeledExamples } from '../labeled-data'
import { readOverrides } from '../overrides'
import { parseSince } from '../parse-time'
import { trainSeedClassifier } from '../seed-classifier'
import { DEFAULT_LOCALE_THRESHOLD } from '../language/portal-locales'
import { DEFAULT_TAGGER_OPTIONS, RuleBonus } from '../tagger'
import { DEFAULT_TAXONOMY, UNCLASSIFIED, type Taxonomy } from '../taxonomy'
import { readTaxonomy } from '../taxonomy-file'
import { numberOption, parseOptions, requireOption, requireReadableFile, UsageError } from './cli-support'

export const AUDIT_USAGE = `usage: npm run audit:tickets -- --input <export> [options]

  --input <file>          help-desk export: Zendesk CSV/JSON, Intercom, Help Scout, Freshdesk, Front CSV, or any CSV with --map
  --out <dir>             output folder (default: audit)
  --format <id>           ${FORMAT_IDS.join(' | ')} (default: auto, by header)
  --map <spec>            id=<column>,subject=<column>,body=<column>,created=<column>,solved=<column>[,tags=…,resolution=…(hours),handle=…(minutes)]
  --since <90d|date>      only tickets created on or after (look-back in d/w/m/y from --as-of, or a date)
  --as-of <date>          reference time for --since (default: now)
  --train <file>          labeled sample (text,label CSV, or a tagged help-desk export) to train the classifier on
  --text-column <name>    text column of --train (default: text)
  --label-column <name>   label column of --train (default: label)
  --model <file>          reuse a saved model.json instead of training
  --vectors <on|off>      pretrained word-vector features beside the n-grams (default: on with --train, off for the built-in tagger)
  --taxonomy <file>       custom taxonomy JSON (default: built-in 21 reasons)
  --overrides <file>      manual corrections CSV ticket_id,reason (default: <out>/overrides.csv when present)
  --threshold <0..1>      calibrated probability of being right below which a ticket is unclassified (default: ${DEFAULT_TAGGER_OPTIONS.threshold})
  --locale-threshold <0..1>  share of tickets above which a language the portal lacks is flagged "add next" (default: ${DEFAULT_LOCALE_THRESHOLD})
  --rule-weight <n>       logit bonus per keyword/pattern hit (default: ${DEFAULT_TAGGER_OPTIONS.ruleWeight})
  --hourly-rate <n>       fully loaded support cost per hour (default: 45)
  --handle-minutes <n>    handling time per ticket when the export has none (default: 12)
  --workers <n>           tagging threads (default: ${availableParallelism()}; 0 = main thread)
  --quiet                 no progress bar`

const OPTIONS = {
  input: { type: 'string' },
  out: { type: 'string', default: 'audit' },
  format: { type: 'string', default: 'auto' },
  map: { type: 'string' },
  since: { type: 'string' },
  'as-of': { type: 'string' },
  train: { type: 'string' },
  'text-column': { type: 'string', default: DEFAULT_LABELED_COLUMNS.textColumn },
  'label-column': { type: 'string', default: DEFAULT_LABELED_COLUMNS.labelColumn },
  model: { type: 'string' },
  vectors: { type: 'string' },
  taxonomy: { type: 'string' },
  overrides: { type: 'string' },
  threshold: { type: 'string' },
  'locale-threshold': { type: 'string' },
  'rule-weight': { type: 'string' },
  'hourly-rate': { type: 'string' },
  'handle-minutes': { type: 'string' },
  workers: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const

export async function auditCommand(argv: string[], log: (line: string) => void): Promise<AuditSummary | null> {
  const values = parseOptions(argv, OPTIONS)
  if (values.help) {
    log(AUDIT_USAGE)
    return null
  }
  const input = await requireReadableFile(requireOption(values.input, 'input'), 'input')
  if (!(FORMAT_IDS as readonly string[]).includes(values.format)) throw new UsageError(`--format must be one of ${FORMAT_IDS.join(', ')}`)
  if (values.train && values.model) throw new UsageError('--train and --model are alternatives; pass one')
  if (values.vectors !== undefined && values.vectors !== 'on' && values.vectors !== 'off') throw new UsageError('--vectors must be on or off')
  if (values.model && values.vectors !== undefined) throw new UsageError('--vectors applies to training; a saved --model keeps the features it was trained with')
  const columnMap = values.map === undefined ? undefined : parseMap(values.map)
  const asOf = values['as-of'] === undefined ? Date.now() : parseDateOption(values['as-of'], 'as-of')
  const since = values.since === undefined ? null : parseSince(values.since, asOf)
  if (since !== null && !since.ok) throw new UsageError(`--since: ${since.error}`)
  const taxonomy = values.taxonomy ? await readTaxonomy(await requireReadableFile(values.taxonomy, 'taxonomy')) : DEFAULT_TAXONOMY
  const outDir = values.out
  const { classifier, description } = await loadClassifier(values, taxonomy, log)
  const overrides = await loadOverrides(values.overrides ?? join(outDir, 'overrides.csv'), values.overrides !== undefined, taxonomy, log)

  const startedAt = performance.now()
  const summary = await runAudit({
    input,
    outDir,
    format: values.format,
    ...(columnMap ? { columnMap } : {}),
    since: since?.value ?? null,
    sinceLabel: values.since ?? null,
    asOf,
    hourlyRate: numberOption(values['hourly-rate'], 'hourly-rate', 45, { min: 0 }),
    defaultHandleMinutes: numberOption(values['handle-minutes'], 'handle-minutes', 12, { min: 0 }),
    taxonomy,
    classifier,
    classifierDescription: description,
    tagger: {
      threshold: numberOption(values.threshold, 'threshold', DEFAULT_TAGGER_OPTIONS.threshold, { min: 0, max: 1 }),
      ruleWeight: ruleWeightOf(values),
    },
    localeThreshold: numberOption(values['locale-threshold'], 'locale-threshold', DEFAULT_LOCALE_THRESHOLD, { min: 0, max: 1 }),
    overrides,
    workers: Math.floor(numberOption(values.workers, 'workers', availableParallelism(), { min: 0, max: 64 })),
    progress: values.quiet ? null : process.stderr,
  })
  const seconds = (performance.now() - startedAt) / 1000
  await writeFile(join(outDir, OUTPUT_FILES.model), snapshotToJson(snapshotOf(classifier)))
  for (const line of describeSummary(summary, outDir)) log(line)
  log(`${summary.counts.rows} rows in ${seconds.toFixed(2)} s (${Math.round(summary.counts.rows / seconds)} rows/s)`)
  return summary
}

function parseMap(spec: string): ColumnMap {
  try {
    return parseColumnMap(spec)
  } catch (error) {
    if (error instanceof FormatError) throw new UsageError(error.message)
    throw error
  }
}

function parseDateOption(value: string, name: string): number {
  const parsed = Date.parse(value)
  if (Number.isNaN(parsed)) throw new UsageError(`--${name}: unreadable date "${value}"`)
  return parsed
}

type AuditValues = ReturnType<typeof parseOptions<typeof OPTIONS>>

/**
 * Word vectors are on by default for a labeled sample (BANKING77 5-fold CV 0.768 → 0.790) and off
 * for the built-in tagger, where they measured a wash (Bitext mapped 0.866 without, 0.861 with)
 * at 2–3× the training time and a 15 MB model.json instead of ~1 MB.
 */
function trainingOptionsOf(values: AuditValues, labeledSample: boolean): TrainingOptions {
  const on = values.vectors === undefined ? labeledSample : values.vectors === 'on'
  return on ? DEFAULT_TRAINING_OPTIONS : { ...DEFAULT_TRAINING_OPTIONS, vectors: null }
}

function ruleWeightOf(values: AuditValues): number {
  return numberOption(values['rule-weight'], 'rule-weight', DEFAULT_TAGGER_OPTIONS.ruleWeight, { min: 0 })
}

async function loadClassifier(values: AuditValues, taxonomy: Taxonomy, log: (line: string) => void): Promise<{ classifier: TextClassifier; description: string }> {
  let classifier: TextClassifier
  let description: string
  if (values.model) {
    classifier = classifierFromSnapshot(snapshotFromJson(await readFile(await requireReadableFile(values.model, 'model'), 'utf8')))
    description = `saved model ${values.model}`
  } else if (values.train) {
    const columns = { textColumn: values['text-column'], labelColumn: values['label-column'] }
    const examples = await readLabeledExamples(await requireReadableFile(values.train, 'train'), columns, taxonomy)
    if (examples.problems.length > 0) log(`--train: ${examples.problems.length} unusable rows (first: ${examples.problems[0]})`)
    classifier = trainTextClassifier(examples.texts, examples.labels, trainingOptionsOf(values, true), RuleBonus.adjuster(taxonomy, ruleWeightOf(values)))
    description = `linear SVM${trainingOptionsOf(values, true).vectors ? ' with word vectors' : ''} trained on ${examples.texts.length} labeled tickets from ${values.train}`
  } else {
    classifier = trainSeedClassifier(taxonomy, trainingOptionsOf(values, false), ruleWeightOf(values))
    description = `built-in (trained on the taxonomy examples${trainingOptionsOf(values, false).vectors ? ', with word vectors' : ''})`
  }
  const known = new Set([...taxonomy.reasons.map((reason) => reason.id), UNCLASSIFIED])
  const unknown = classifier.labels.filter((label) => !known.has(label))
  if (unknown.length > 0) {
    throw new UsageError(
      `the classifier's labels ${unknown.map((l) => `"${l}"`).join(', ')} are not taxonomy reasons; add them to a --taxonomy file (with their portal screen) or relabel (audit:eval accepts any labels)`,
    )
  }
  return { classifier, description }
}

async function loadOverrides(path: string, explicit: boolean, taxonomy: Taxonomy, log: (line: string) => void): Promise<Map<string, string>> {
  try {
    await requireReadableFile(path, 'overrides')
  } catch (error) {
    if (explicit) throw error
    return new Map()
  }
  const known = new Set([...taxonomy.reasons.map((reason) => reason.id), UNCLASSIFIED])
  const overrides = await readOverrides(path, known)
  if (overrides.problems.length > 0) throw new Error(`overrides file has problems:\n  ${overrides.problems.join('\n  ')}`)
  log(`using ${overrides.reasonByTicket.size} manual overrides from ${path}`)
  return new Map(overrides.reasonByTicket)
}

function describeSummary(summary: AuditSummary, outDir: string): string[] {
  const { counts } = summary
  const percent = (share: number): string => `${(share * 100).toFixed(1)}%`
  const lines = [
    `format: ${summary.format}`,
    `rows: ${counts.rows} · tickets tagged: ${counts.tickets} · bad: ${counts.badRows} · skipped: ${counts.skippedRows} · outside window: ${counts.outsideWindow} · overridden: ${counts.overridden}`,
    `top 5 reasons cover ${percent(summary.topShares.top5)}, top 15 cover ${percent(summary.topShares.top15)}; absorbable by the portal: ${percent(summary.absorbableShare)}`,
  ]
  for (const reason of summary.reasons.slice(0, 5)) lines.push(`  ${reason.rank}. ${reason.id} ${reason.tickets} (${percent(reason.share)})`)
  if (counts.badRows > 0) {
    lines.push(`bad rows (all in ${join(outDir, OUTPUT_FILES.badRows)}):`)
    for (const row of summary.badRowsSample.slice(0, 10)) lines.push(`  line ${row.line}: ${row.reason}`)
  }
  const unclassified = summary.reasons.find((reason) => reason.id === UNCLASSIFIED)
  if (unclassified) lines.push(`unclassified (calibrated confidence below ${summary.settings.threshold}): ${unclassified.tickets} (${percent(unclassified.share)})`)
  const languages = summary.languages ?? []
  if (languages.length > 0) lines.push(`languages: ${languages.slice(0, 6).map((l) => `${l.language} ${percent(l.share)}${l.addNext ? ' (add next)' : ''}`).join(', ')}`)
  for (const [reason, count] of Object.entries(summary.skippedByReason)) lines.push(`skipped ${count} rows: ${reason}`)
  lines.push(`wrote ${Object.values(OUTPUT_FILES).map((file) => join(outDir, file)).join(', ')}`)
  return lines
}
