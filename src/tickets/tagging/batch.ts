import { classifierFromSnapshot, type ClassifierSnapshot } from '../classifier/serialize'
import { cleanTicketText } from '../clean-text'
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
  const tagger = new Tagger(setup.taxonomy, classifierFromSnapshot(setup.snapshot), setup.options, new Map(setup.overrides))
  const indexOfReason = new Map(setup.reasonIds.map((id, index) => [id, index]))
  return (batch) => {
    const count = batch.ids.length
    const tags: BatchTags = { reasonIndex: new Uint16Array(count), confidence: new Float32Array(count), overridden: new Uint8Array(count) }
    for (let i = 0; i < count; i++) {
      const result = tagger.tag(batch.ids[i]!, taggingText(batch.subjects[i]!, batch.bodies[i]!))
      const index = indexOfReason.get(result.reason)
      if (index === undefined) throw new Error(`tagger returned "${result.reason}", which is not a known reason`)
      tags.reasonIndex[i] = index
      tags.confidence[i] = result.confidence
      tags.overridden[i] = result.overridden ? 1 : 0
    }
    return tags
  }
}
