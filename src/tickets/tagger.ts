import type { FeatureExtractor } from './classifier/features'
import { softmaxInPlace } from './classifier/linear-model'
import type { LogitAdjuster, TextClassifier } from './classifier/text-classifier'
import { RuleMatcher } from './rules'
import { UNCLASSIFIED, type Taxonomy } from './taxonomy'

export interface TaggerOptions {
  /** Below this calibrated probability of being right a ticket goes to `unclassified`. */
  readonly threshold: number
  /** Logit bonus per rule hit (keyword or pattern) for the reason it points to. */
  readonly ruleWeight: number
}

export const DEFAULT_TAGGER_OPTIONS: TaggerOptions = { threshold: 0.5, ruleWeight: 1 }

export interface TagResult {
  readonly reason: string
  /** Calibrated probability that the best reason is right (whether or not it passed the threshold). */
  readonly confidence: number
  /** The best reason before the threshold. */
  readonly best: string
  readonly overridden: boolean
}

/** More hits than this add no more evidence: a long rant full of "invoice" is not more about invoices. */
const MAX_RULE_HITS = 3
/** Patterns are checked for this many best candidates: they reorder them, they don't bring in outsiders. */
const PATTERN_CANDIDATES = 3

/** Adds `ruleWeight` (in probability units) per keyword/pattern hit to the logits of the reasons the taxonomy's rules point to. */
export class RuleBonus {
  private readonly rules: RuleMatcher
  /** For each classifier label, its reason's index in the taxonomy (-1: no rules for it). */
  private readonly reasonOfLabel: Int32Array
  private readonly keywordHits: Float64Array
  private readonly candidates = new Int32Array(PATTERN_CANDIDATES)

  constructor(
    taxonomy: Taxonomy,
    labels: readonly string[],
    private readonly ruleWeight: number,
  ) {
    this.rules = new RuleMatcher(taxonomy.reasons)
    const reasonIndex = new Map(taxonomy.reasons.map((reason, index) => [reason.id, index]))
    this.reasonOfLabel = Int32Array.from(labels, (label) => reasonIndex.get(label) ?? -1)
    this.keywordHits = new Float64Array(taxonomy.reasons.length)
  }

  /** As a calibration hook: training then fits confidences with the rules applied. */
  static adjuster(taxonomy: Taxonomy, ruleWeight: number): LogitAdjuster {
    return (labels) => {
      const bonus = new RuleBonus(taxonomy, labels, ruleWeight)
      return (text, logits, extractor, scale) => bonus.apply(text, logits, extractor, scale)
    }
  }

  /** `extractor` must still hold the words of `text` (it has just featurized it). */
  apply(text: string, logits: Float64Array, extractor: FeatureExtractor, probabilityScale: number): void {
    const count = this.reasonOfLabel.length
    this.rules.keywordHits(extractor.wordHashes, extractor.wordCount, this.keywordHits)
    const bonusPerHit = this.ruleWeight / probabilityScale
    if (bonusPerHit <= 0) return
    for (let label = 0; label < count; label++) {
      const reason = this.reasonOfLabel[label]!
      if (reason !== -1) logits[label]! += bonusPerHit * Math.min(this.keywordHits[reason]!, MAX_RULE_HITS)
    }
    for (const label of this.bestLabels(logits, count)) {
      const reason = this.reasonOfLabel[label]!
      if (reason === -1 || this.keywordHits[reason]! >= MAX_RULE_HITS) continue
      const patternHits = this.rules.patternHits(reason, text)
      logits[label]! += bonusPerHit * Math.min(patternHits, MAX_RULE_HITS - this.keywordHits[reason]!)
    }
  }

  /** Indices of the PATTERN_CANDIDATES largest logits. */
  private bestLabels(logits: Float64Array, count: number): Int32Array {
    const best = this.candidates.fill(-1)
    for (let label = 0; label < count; label++) {
      let slot = best.length
      while (slot > 0 && (best[slot - 1] === -1 || logits[best[slot - 1]!]! < logits[label]!)) slot--
      if (slot === best.length) continue
      best.copyWithin(slot + 1, slot, best.length - 1)
      best[slot] = label
    }
    return best.subarray(0, Math.min(count, best.length))
  }
}

/**
 * Combines the classifier with the taxonomy's rules: each label's logit is the
 * classifier's score plus `ruleWeight` per rule hit, softmaxed, and the top probability
 * mapped through the classifier's held-out calibration, so the confidence is the
 * probability of being right and the threshold means one. Manual overrides (by ticket id) win outright.
 */
export class Tagger {
  private readonly bonus: RuleBonus

  constructor(
    taxonomy: Taxonomy,
    private readonly classifier: TextClassifier,
    private readonly options: TaggerOptions,
    private readonly overrides: ReadonlyMap<string, string> = new Map(),
  ) {
    this.bonus = new RuleBonus(taxonomy, classifier.labels, options.ruleWeight)
  }

  tag(ticketId: string, text: string): TagResult {
    const override = this.overrides.get(ticketId)
    if (override !== undefined) return { reason: override, confidence: 1, best: override, overridden: true }
    const { labels, probabilityScale } = this.classifier
    const logits = this.classifier.decisionValues(text)
    // The featurizer has just split `text` into words; the keyword rules reuse them.
    this.bonus.apply(text, logits, this.classifier.vectorizer.extractor, probabilityScale)
    const best = softmaxInPlace(logits, labels.length, probabilityScale)
    const confidence = this.classifier.calibrated(logits[best]!)
    return { reason: confidence >= this.options.threshold ? labels[best]! : UNCLASSIFIED, confidence, best: labels[best]!, overridden: false }
  }
}
