import { BucketIndex } from './bucket-index'
import { FeatureExtractor, type FeatureConfig } from './features'
import { SparseCounts } from './sparse-counts'
import { SentenceEmbedder, type EmbeddingConfig } from './vectors/sentence-embedder'
import type { WordVectorTable } from './vectors/word-vector-table'

/** A sparse, L2-normalized TF-IDF vector: `length` entries of `indices`/`values` are used. */
export interface SparseVector {
  indices: Int32Array
  values: Float32Array
  length: number
}

export interface VocabularyLimits {
  /** Features seen in fewer training texts are dropped (noise, typos seen once). */
  readonly minDocumentFrequency: number
  /** Keeps the most frequent features only, bounding model memory on large training sets. */
  readonly maxFeatures: number
}

export const DEFAULT_VOCABULARY_LIMITS: VocabularyLimits = { minDocumentFrequency: 1, maxFeatures: 200_000 }

/**
 * Sublinear TF (1 + ln tf) × smoothed IDF, L2-normalized per block (words and
 * characters separately, as two concatenated TF-IDF vectorizers would be), so a long
 * word never drowns the word block in character n-grams.
 */
export class TfidfVectorizer {
  readonly extractor: FeatureExtractor
  private readonly counts: SparseCounts
  private readonly scratch: SparseVector
  private readonly embedding: Float32Array

  /**
   * Features are numbered words first: index < wordFeatureCount is a word feature, so
   * the block of a feature needs no lookup.
   */
  constructor(
    readonly featureConfig: FeatureConfig,
    readonly bucketIndex: BucketIndex,
    readonly wordFeatureCount: number,
    readonly idf: Float32Array,
    /** Dense sentence-embedding features, numbered after the n-gram features; null: n-grams only. */
    readonly embedder: SentenceEmbedder | null = null,
  ) {
    this.extractor = new FeatureExtractor(featureConfig)
    const maxFeatures = this.extractor.maxFeaturesPerText() + (embedder?.dimensions ?? 0)
    this.embedding = new Float32Array(embedder?.dimensions ?? 0)
    this.counts = new SparseCounts(maxFeatures)
    this.scratch = { indices: new Int32Array(maxFeatures), values: new Float32Array(maxFeatures), length: 0 }
  }

  get featureCount(): number {
    return this.bucketIndex.size + (this.embedder?.dimensions ?? 0)
  }

  static fit(
    texts: readonly string[],
    featureConfig: FeatureConfig,
    limits = DEFAULT_VOCABULARY_LIMITS,
    vectors: { readonly table: WordVectorTable; readonly config: EmbeddingConfig } | null = null,
  ): TfidfVectorizer {
    const extractor = new FeatureExtractor(featureConfig)
    const counts = new SparseCounts(extractor.maxFeaturesPerText())
    const documentFrequency = new Map<number, number>()
    const words: { wordHashes: Int32Array; wordCount: number }[] = []
    for (const text of texts) {
      counts.clear()
      extractor.extract(text, counts)
      if (vectors) words.push({ wordHashes: extractor.wordHashes.slice(0, extractor.wordCount), wordCount: extractor.wordCount })
      for (let i = 0; i < counts.size; i++) {
        const bucket = counts.keys[i]!
        documentFrequency.set(bucket, (documentFrequency.get(bucket) ?? 0) + 1)
      }
    }
    const kept = [...documentFrequency].filter(([, df]) => df >= limits.minDocumentFrequency)
    if (kept.length > limits.maxFeatures) kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]).length = limits.maxFeatures
    kept.sort((a, b) => a[0] - b[0])
    const wordFeatureCount = kept.filter(([bucket]) => extractor.isWordBucket(bucket)).length
    const buckets = Int32Array.from(kept, ([bucket]) => bucket)
    const idf = Float32Array.from(kept, ([, df]) => Math.log((1 + texts.length) / (1 + df)) + 1)
    const embedder = vectors && vectors.config.blockWeight > 0 ? SentenceEmbedder.fit(vectors.table, vectors.config, words) : null
    return new TfidfVectorizer(featureConfig, new BucketIndex(buckets), wordFeatureCount, idf, embedder)
  }

  /** Vectorizes into a buffer that the next call overwrites. */
  transformShared(text: string): SparseVector {
    const { counts, scratch, extractor } = this
    counts.clear()
    extractor.extract(text, counts)
    let length = 0
    let wordNormSquared = 0
    let charNormSquared = 0
    for (let i = 0; i < counts.size; i++) {
      const feature = this.bucketIndex.featureOf(counts.keys[i]!)
      if (feature === -1) continue
      const count = counts.values[i]!
      const value = (count === 1 ? 1 : 1 + Math.log(count)) * this.idf[feature]!
      if (feature < this.wordFeatureCount) wordNormSquared += value * value
      else charNormSquared += value * value
      scratch.indices[length] = feature
      scratch.values[length] = value
      length++
    }
    const wordScale = wordNormSquared > 0 ? this.featureConfig.wordBlockWeight / Math.sqrt(wordNormSquared) : 0
    const charScale = charNormSquared > 0 ? 1 / Math.sqrt(charNormSquared) : 0
    for (let i = 0; i < length; i++) scratch.values[i]! *= scratch.indices[i]! < this.wordFeatureCount ? wordScale : charScale
    const { embedder, embedding } = this
    if (embedder !== null && embedder.embed(extractor.wordHashes, extractor.wordCount, embedding)) {
      const first = this.bucketIndex.size
      for (let d = 0; d < embedding.length; d++) {
        scratch.indices[length] = first + d
        scratch.values[length] = embedding[d]!
        length++
      }
    }
    scratch.length = length
    return scratch
  }

  /** Vectorizes into freshly allocated arrays (for training sets kept in memory). */
  transform(text: string): SparseVector {
    const shared = this.transformShared(text)
    return {
      indices: shared.indices.slice(0, shared.length),
      values: shared.values.slice(0, shared.length),
      length: shared.length,
    }
  }
}
