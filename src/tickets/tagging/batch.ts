import { classifierFromSnapshot, type ClassifierSnapshot } from '../classifier/serialize'
import { cleanTicketText } from '../clean-text'
import { detectLanguage } from '../language/detect-language'
import { Tagger, type TaggerOptions } from '../tagger'
import type { Taxonomy } from '../taxonomy'

/** Tickets travel to taggers in batches of parallel arrays (cheap to structured-clone). */
export interface TicketBatch {
  readonly ids: string[]
  readonly subjects: string[]
  readonly bodies: string[]
}

/** Per ticket of a batch: index into `TaggerSetup.reasonIds`, confidence, and whether an override decided it. */
export interface BatchTags {
  readonly reasonIndex: Uint16Array
  readonly confidence: Float32Array
  readonly overridden: Uint8Array
  /** ISO 639-1 code per ticket (`und` when undetermined). */
  readonly language: string[]
}

/** Everything a tagger needs, as plain data so it can be handed to worker threads. */
export interface TaggerSetup {
  readonly snapshot: ClassifierSnapshot
  readonly taxonomy: Taxonomy
  readonly options: TaggerOptions
  readonly overrides: readonly (readonly [string, string])[]
  /** Every reason a tag can name (taxonomy reasons and `unclassified`), in result index order. */
  readonly reasonIds: readonly string[]
}

/** The text that is tagged: the subject (often the whole request) and the cleaned first message. */
export function taggingText(subject: string, body: string): string {
  const cleaned = cleanTicketText(body)
  return subject === '' ? cleaned : `${subject.trim()}\n${cleaned}`
}

export function createBatchTagger(setup: TaggerSetup): (batch: TicketBatch) => BatchTags {
  const classifier = classifierFromSnapshot(setup.snapshot)
  const tagger = new Tagger(setup.taxonomy, classifier, setup.options, new Map(setup.overrides))
  const { extractor } = classifier.vectorizer
  const indexOfReason = new Map(setup.reasonIds.map((id, index) => [id, index]))
  return (batch) => {
    const count = batch.ids.length
    const tags: BatchTags = { reasonIndex: new Uint16Array(count), confidence: new Float32Array(count), overridden: new Uint8Array(count), language: new Array<string>(count) }
    for (let i = 0; i < count; i++) {
      const text = taggingText(batch.subjects[i]!, batch.bodies[i]!)
      const result = tagger.tag(batch.ids[i]!, text)
      // The tagger has just split the text into words (an override skips that: then eld reads it alone).
      tags.language[i] = detectLanguage(text, extractor.wordHashes, result.overridden ? 0 : extractor.wordCount, extractor.config.maxChars)
      const index = indexOfReason.get(result.reason)
      if (index === undefined) throw new Error(`tagger returned "${result.reason}", which is not a known reason`)
      tags.reasonIndex[i] = index
      tags.confidence[i] = result.confidence
      tags.overridden[i] = result.overridden ? 1 : 0
    }
    return tags
  }
}
