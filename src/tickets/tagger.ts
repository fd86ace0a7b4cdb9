import { softmaxInPlace } from './classifier/linear-model'
import type { TextClassifier } from './classifier/text-classifier'
import { RuleMatcher } from './rules'
import { UNCLASSIFIED, type Taxonomy } from './taxonomy'

export interface TaggerOptions {
  /** Below this confidence a ticket goes to `unclassified`. */
  readonly threshold: number
  /** Logit bonus per rule hit (keyword or pattern) for the reason it points to. */
  readonly ruleWeight: number
}

export const DEFAULT_TAGGER_OPTIONS: TaggerOptions = { threshold: 0.5, ruleWeight: 1 }

export interface TagResult {
  readonly reason: string
  readonly confidence: number
  readonly overridden: boolean
}

/** More hits than this add no more evidence: a long rant full of "invoice" is not more about invoices. */
const MAX_RULE_HITS = 3
/** Patterns are checked for this many best candidates: they reorder them, they don't bring in outsiders. */
const PATTERN_CANDIDATES = 3

/**
 * Combines the classifier with the taxonomy's rules: each label's logit is the
 * classifier's calibrated score plus `ruleWeight` per rule hit, softmaxed into a
 * confidence. Manual overrides (by ticket id) win outright.
 */
export class Tagger {
  private readonly rules: RuleMatcher
  /** For each classifier label, its reason's index in the taxonomy (-1: no rules for it). */
  private readonly reasonOfLabel: Int32Array
  private readonly keywordHits: Float64Array
  private readonly candidates = new Int32Array(PATTERN_CANDIDATES)

  constructor(
    taxonomy: Taxonomy,
    private readonly classifier: TextClassifier,
    private readonly options: TaggerOptions,
    private readonly overrides: ReadonlyMap<string, string> = new Map(),
  ) {
    this.rules = new RuleMatcher(taxonomy.reasons)
    const reasonIndex = new Map(taxonomy.reasons.map((reason, index) => [reason.id, index]))
    this.reasonOfLabel = Int32Array.from(classifier.labels, (label) => reasonIndex.get(label) ?? -1)
    this.keywordHits = new Float64Array(taxonomy.reasons.length)
  }

  tag(ticketId: string, text: string): TagResult {
    const override = this.overrides.get(ticketId)
    if (override !== undefined) return { reason: override, confidence: 1, overridden: true }
    const { labels, probabilityScale } = this.classifier
    const logits = this.classifier.decisionValues(text)
    // The featurizer has just split `text` into words; the keyword rules reuse them.
    const { extractor } = this.classifier.vectorizer
    this.rules.keywordHits(extractor.wordHashes, extractor.wordCount, this.keywordHits)
    const bonusPerHit = this.options.ruleWeight / probabilityScale
    for (let label = 0; label < labels.length; label++) {
      const reason = this.reasonOfLabel[label]!
      if (reason !== -1) logits[label]! += bonusPerHit * Math.min(this.keywordHits[reason]!, MAX_RULE_HITS)
    }
    if (bonusPerHit > 0) {
      for (const label of this.bestLabels(logits, labels.length)) {
        const reason = this.reasonOfLabel[label]!
        if (reason === -1 || this.keywordHits[reason]! >= MAX_RULE_HITS) continue
        const patternHits = this.rules.patternHits(reason, text)
        logits[label]! += bonusPerHit * Math.min(patternHits, MAX_RULE_HITS - this.keywordHits[reason]!)
      }
    }
    const best = softmaxInPlace(logits, labels.length, probabilityScale)
    const confidence = logits[best]!
    return { reason: confidence >= this.options.threshold ? labels[best]! : UNCLASSIFIED, confidence, overridden: false }
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
