import { WordVectorIndex, type WordVectorTable } from './word-vector-table'

export interface EmbeddingConfig {
  /** Length of the embedding block beside the (L2-normalized) word and character blocks; 0 turns it off. */
  readonly blockWeight: number
  /**
   * SIF weight a / (a + p(w)) with p(w) from Zipf's law on the word's frequency rank r
   * (p ≈ 0.1 / r) is r / (r + sifRank): "the" counts ~0, a word past rank 10 × sifRank fully.
   */
  readonly sifRank: number
}

export const DEFAULT_EMBEDDING_CONFIG: EmbeddingConfig = { blockWeight: 1, sifRank: 100 }

/**
 * A text's embedding: SIF-weighted mean of its words' pretrained vectors (Arora et al.
 * 2017), minus its projection on the training texts' first principal component (what
 * every sentence shares), L2-normalized. Works on the word hashes the featurizer has
 * already computed.
 */
export class SentenceEmbedder {
  readonly dimensions: number
  private readonly index: WordVectorIndex
  private readonly weightOfRow: Float32Array
  private readonly sum: Float64Array

  constructor(
    readonly table: WordVectorTable,
    readonly config: EmbeddingConfig,
    /** Unit vector, or all zeros for none. */
    readonly commonComponent: Float32Array,
  ) {
    this.dimensions = table.dimensions
    this.index = new WordVectorIndex(table)
    this.weightOfRow = Float32Array.from(table.scales, (scale, row) => (scale * (row + 1)) / (row + 1 + config.sifRank))
    this.sum = new Float64Array(table.dimensions)
  }

  /** Writes the embedding into `out` (length `dimensions`); returns false when no word has a vector. */
  embed(wordHashes: Int32Array, wordCount: number, out: Float64Array | Float32Array): boolean {
    const { sum, dimensions } = this
    const vectors = this.table.vectors
    sum.fill(0)
    let found = 0
    for (let i = 0; i < wordCount; i++) {
      const row = this.index.rowOf(wordHashes[i]!)
      if (row === -1) continue
      found++
      const weight = this.weightOfRow[row]!
      const base = row * dimensions
      for (let d = 0; d < dimensions; d++) sum[d]! += weight * vectors[base + d]!
    }
    if (found === 0) return false
    const component = this.commonComponent
    let projection = 0
    for (let d = 0; d < dimensions; d++) projection += sum[d]! * component[d]!
    let norm = 0
    for (let d = 0; d < dimensions; d++) {
      const value = sum[d]! - projection * component[d]!
      sum[d] = value
      norm += value * value
    }
    if (norm === 0) return false
    const scale = this.config.blockWeight / Math.sqrt(norm)
    for (let d = 0; d < dimensions; d++) out[d] = sum[d]! * scale
    return true
  }

  /** The first principal component (uncentred, as SIF does) of the texts' weighted means, by power iteration. */
  static fit(table: WordVectorTable, config: EmbeddingConfig, texts: readonly { wordHashes: Int32Array; wordCount: number }[]): SentenceEmbedder {
    const plain = new SentenceEmbedder(table, config, new Float32Array(table.dimensions))
    const dims = table.dimensions
    const rows: Float64Array[] = []
    for (const text of texts) {
      const out = new Float64Array(dims)
      if (plain.embed(text.wordHashes, text.wordCount, out)) rows.push(out)
    }
    if (rows.length < 2) return plain
    let component = new Float64Array(dims).fill(1 / Math.sqrt(dims))
    for (let iteration = 0; iteration < 50; iteration++) {
      const next = new Float64Array(dims)
      for (const row of rows) {
        let dot = 0
        for (let d = 0; d < dims; d++) dot += row[d]! * component[d]!
        for (let d = 0; d < dims; d++) next[d]! += dot * row[d]!
      }
      const norm = Math.sqrt(next.reduce((s, v) => s + v * v, 0))
      if (norm === 0) return plain
      for (let d = 0; d < dims; d++) next[d]! /= norm
      component = next
    }
    return new SentenceEmbedder(table, config, Float32Array.from(component))
  }
}
