import { BucketIndex } from './classifier/bucket-index'
import * as hash from './classifier/hash'
import { normalizeWordCode, WORD_BREAK, WORD_SKIP } from './classifier/word-chars'
import type { Reason } from './taxonomy'

// Module-local aliases for the per-word loop (see classifier/features.ts).
const fnvStep = hash.fnvStep
const combineHashes = hash.combineHashes
const FNV_OFFSET = hash.FNV_OFFSET

/** Longest keyword phrase, in words. */
const MAX_PHRASE_WORDS = 4
const FILTER_WORDS = 2048
const FILTER_WORD_MASK = FILTER_WORDS - 1
/** Patterns only look at the opening of a ticket: the reason is stated there, and regexes are costly. */
const PATTERN_TEXT_CHARS = 200

/**
 * The taxonomy's hand-written evidence: keyword phrases, matched on the word hashes the
 * featurizer already computed (250 keywords cost a few table probes per word), and regex
 * patterns on the ticket's opening, checked one reason at a time because all 30 cost
 * ~9 µs a ticket (a third of the whole tagging budget).
 */
export class RuleMatcher {
  private readonly phraseIndex: BucketIndex
  /** Reasons of phrase entry i are reasonsOfPhrase[i]. */
  private readonly reasonsOfPhrase: number[][]
  private readonly patternsOfReason: RegExp[][]
  private readonly phraseFilter = new Int32Array(FILTER_WORDS)
  private readonly endingPhrases = new Float64Array(MAX_PHRASE_WORDS + 1)

  constructor(reasons: readonly Reason[]) {
    const entryOfKey = new Map<number, number>()
    this.reasonsOfPhrase = []
    reasons.forEach((reason, reasonIndex) => {
      for (const keyword of reason.keywords) {
        const words = wordHashesOf(keyword)
        if (words.length === 0 || words.length > MAX_PHRASE_WORDS) {
          throw new Error(`keyword "${keyword}" of ${reason.id} must have 1 to ${MAX_PHRASE_WORDS} words`)
        }
        const key = phraseKey(words)
        this.phraseFilter[(key >>> 5) & FILTER_WORD_MASK]! |= 1 << (key & 31)
        let entry = entryOfKey.get(key)
        if (entry === undefined) {
          entry = this.reasonsOfPhrase.push([]) - 1
          entryOfKey.set(key, entry)
        }
        if (!this.reasonsOfPhrase[entry]!.includes(reasonIndex)) this.reasonsOfPhrase[entry]!.push(reasonIndex)
      }
    })
    this.phraseIndex = new BucketIndex(Int32Array.from(entryOfKey.keys()))
    this.patternsOfReason = reasons.map((reason) => reason.patterns.map((pattern) => new RegExp(pattern, 'is')))
  }

  /**
   * Writes each reason's keyword hit count into `hits`. `words` are the text's word
   * hashes as the featurizer produced them.
   */
  keywordHits(words: Int32Array, wordCount: number, hits: Float64Array): void {
    hits.fill(0)
    // Running hashes of the phrases of 1..MAX_PHRASE_WORDS words ending at the current word.
    const ending = this.endingPhrases.fill(FNV_OFFSET)
    for (let w = 0; w < wordCount; w++) {
      const word = words[w]!
      for (let length = Math.min(MAX_PHRASE_WORDS, w + 1); length >= 1; length--) {
        ending[length] = combineHashes(ending[length - 1]!, word)
        const key = ending[length]! >>> 1
        if (!this.mayBePhrase(key)) continue
        const entry = this.phraseIndex.featureOf(key)
        if (entry !== -1) for (const reason of this.reasonsOfPhrase[entry]!) hits[reason]!++
      }
    }
  }

  /** A 64-kilobit filter in front of the phrase table: most word sequences are no keyword. */
  private mayBePhrase(key: number): boolean {
    return (this.phraseFilter[(key >>> 5) & FILTER_WORD_MASK]! & (1 << (key & 31))) !== 0
  }

  /** How many of the reason's patterns match the opening of `text`. */
  patternHits(reason: number, text: string): number {
    const opening = text.length > PATTERN_TEXT_CHARS ? text.slice(0, PATTERN_TEXT_CHARS) : text
    let hits = 0
    for (const regex of this.patternsOfReason[reason]!) if (regex.test(opening)) hits++
    return hits
  }
}

/** Word hashes exactly as FeatureExtractor computes them (same normalization and seed). */
function wordHashesOf(text: string): Int32Array {
  const hashes: number[] = []
  let hash = FNV_OFFSET
  let inWord = false
  for (const char of text.toLowerCase() + ' ') {
    const code = normalizeWordCode(char.charCodeAt(0))
    if (code === WORD_SKIP) continue
    if (code !== WORD_BREAK) {
      hash = fnvStep(hash, code)
      inWord = true
    } else if (inWord) {
      hashes.push(hash)
      hash = FNV_OFFSET
      inWord = false
    }
  }
  return Int32Array.from(hashes)
}

/** Non-negative key of a phrase, as keywordHits computes it word by word. */
function phraseKey(words: ArrayLike<number>): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < words.length; i++) hash = combineHashes(hash, words[i]!)
  return hash >>> 1
}
