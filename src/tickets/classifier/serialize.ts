import { z } from 'zod'
import { BucketIndex } from './bucket-index'
import type { FeatureConfig } from './features'
import { IDENTITY_MAP, type IsotonicMap } from './isotonic'
import { TextClassifier } from './text-classifier'
import { TfidfVectorizer } from './vectorizer'
import { SentenceEmbedder, type EmbeddingConfig } from './vectors/sentence-embedder'

/**
 * A trained classifier as plain data: typed arrays as-is for worker threads (structured
 * clone copies them cheaply), base64 inside JSON for `model.json`, so a re-run or the
 * next quarter's audit can reuse exactly the same model.
 */
export interface ClassifierSnapshot {
  readonly labels: readonly string[]
  readonly features: FeatureConfig
  readonly buckets: Int32Array
  readonly wordFeatureCount: number
  readonly idf: Float32Array
  readonly classCount: number
  readonly stride: number
  readonly weights: Float32Array
  readonly bias: Float32Array
  readonly probabilityScale: number
  readonly calibration: IsotonicMap
  /** The word vectors travel with the model, so a saved model tags the same without the shipped table. */
  readonly embedding: EmbeddingSnapshot | null
}

export interface EmbeddingSnapshot {
  readonly config: EmbeddingConfig
  readonly dimensions: number
  readonly commonComponent: Float32Array
  readonly hashes: Int32Array
  readonly vectors: Int8Array
  readonly scales: Float32Array
}

export function snapshotOf(classifier: TextClassifier): ClassifierSnapshot {
  const { vectorizer, weights } = classifier
  return {
    labels: [...classifier.labels],
    features: vectorizer.featureConfig,
    buckets: vectorizer.bucketIndex.buckets,
    wordFeatureCount: vectorizer.wordFeatureCount,
    idf: vectorizer.idf,
    classCount: weights.classCount,
    stride: weights.stride,
    weights: weights.weights,
    bias: weights.bias,
    probabilityScale: classifier.probabilityScale,
    calibration: classifier.calibration,
    embedding:
      vectorizer.embedder === null
        ? null
        : {
            config: vectorizer.embedder.config,
            dimensions: vectorizer.embedder.dimensions,
            commonComponent: vectorizer.embedder.commonComponent,
            hashes: vectorizer.embedder.table.hashes,
            vectors: vectorizer.embedder.table.vectors,
            scales: vectorizer.embedder.table.scales,
          },
  }
}

export function classifierFromSnapshot(snapshot: ClassifierSnapshot): TextClassifier {
  const { embedding } = snapshot
  const embedder =
    embedding === null
      ? null
      : new SentenceEmbedder({ dimensions: embedding.dimensions, hashes: embedding.hashes, vectors: embedding.vectors, scales: embedding.scales }, embedding.config, embedding.commonComponent)
  const vectorizer = new TfidfVectorizer(snapshot.features, new BucketIndex(snapshot.buckets), snapshot.wordFeatureCount, snapshot.idf, embedder)
  const model = { classCount: snapshot.classCount, featureCount: vectorizer.featureCount, stride: snapshot.stride, weights: snapshot.weights, bias: snapshot.bias }
  return new TextClassifier(snapshot.labels, vectorizer, model, snapshot.probabilityScale, snapshot.calibration)
}

/** Version 1 files (before word vectors and isotonic calibration) still load: no embedding, identity calibration. */
const MODEL_FORMAT = 'portico-ticket-classifier/2'
const MODEL_FORMAT_V1 = 'portico-ticket-classifier/1'

const modelFileSchema = z.object({
  format: z.union([z.literal(MODEL_FORMAT), z.literal(MODEL_FORMAT_V1)]),
  labels: z.array(z.string()).min(2),
  features: z.object({
    hashBits: z.number().int().min(8).max(30),
    wordNgramMax: z.union([z.literal(1), z.literal(2)]),
    charNgramMin: z.number().int().min(1),
    charNgramMax: z.number().int().min(1),
    maxChars: z.number().int().positive(),
    wordBlockWeight: z.number().nonnegative(),
  }),
  buckets: z.string(),
  wordFeatureCount: z.number().int().nonnegative(),
  idf: z.string(),
  classCount: z.number().int().positive(),
  stride: z.number().int().positive(),
  weights: z.string(),
  bias: z.string(),
  probabilityScale: z.number().positive(),
  calibration: z.object({ knots: z.string(), values: z.string() }).optional(),
  embedding: z
    .object({
      config: z.object({ blockWeight: z.number().nonnegative(), sifRank: z.number().nonnegative() }),
      dimensions: z.number().int().positive(),
      commonComponent: z.string(),
      hashes: z.string(),
      vectors: z.string(),
      scales: z.string(),
    })
    .nullable()
    .optional(),
})

export function snapshotToJson(snapshot: ClassifierSnapshot): string {
  const base64 = (array: Int32Array | Float32Array | Int8Array): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')
  return JSON.stringify({
    format: MODEL_FORMAT,
    labels: snapshot.labels,
    features: snapshot.features,
    buckets: base64(snapshot.buckets),
    wordFeatureCount: snapshot.wordFeatureCount,
    idf: base64(snapshot.idf),
    classCount: snapshot.classCount,
    stride: snapshot.stride,
    weights: base64(snapshot.weights),
    bias: base64(snapshot.bias),
    probabilityScale: snapshot.probabilityScale,
    calibration: { knots: base64(snapshot.calibration.knots), values: base64(snapshot.calibration.values) },
    embedding:
      snapshot.embedding === null
        ? null
        : {
            config: snapshot.embedding.config,
            dimensions: snapshot.embedding.dimensions,
            commonComponent: base64(snapshot.embedding.commonComponent),
            hashes: base64(snapshot.embedding.hashes),
            vectors: base64(snapshot.embedding.vectors),
            scales: base64(snapshot.embedding.scales),
          },
  })
}

export function snapshotFromJson(json: string): ClassifierSnapshot {
  const file = modelFileSchema.parse(JSON.parse(json))
  const bytes = (text: string): Buffer => Buffer.from(text, 'base64')
  const int32 = (text: string): Int32Array => {
    const buffer = bytes(text)
    return new Int32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
  }
  const int8 = (text: string): Int8Array => {
    const buffer = bytes(text)
    return new Int8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
  }
  const float32 = (text: string): Float32Array => {
    const buffer = bytes(text)
    return new Float32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
  }
  const snapshot: ClassifierSnapshot = {
    labels: file.labels,
    features: file.features,
    buckets: int32(file.buckets),
    wordFeatureCount: file.wordFeatureCount,
    idf: float32(file.idf),
    classCount: file.classCount,
    stride: file.stride,
    weights: float32(file.weights),
    bias: float32(file.bias),
    probabilityScale: file.probabilityScale,
    calibration: file.calibration ? { knots: float32(file.calibration.knots), values: float32(file.calibration.values) } : IDENTITY_MAP,
    embedding: file.embedding
      ? {
          config: file.embedding.config,
          dimensions: file.embedding.dimensions,
          commonComponent: float32(file.embedding.commonComponent),
          hashes: int32(file.embedding.hashes),
          vectors: int8(file.embedding.vectors),
          scales: float32(file.embedding.scales),
        }
      : null,
  }
  const embedding = snapshot.embedding
  const embeddingDimensions = embedding?.dimensions ?? 0
  if (
    snapshot.idf.length !== snapshot.buckets.length ||
    snapshot.weights.length !== (snapshot.buckets.length + embeddingDimensions) * snapshot.stride ||
    snapshot.classCount !== snapshot.labels.length ||
    snapshot.calibration.knots.length !== snapshot.calibration.values.length ||
    snapshot.calibration.knots.length === 0 ||
    (embedding !== null &&
      (embedding.commonComponent.length !== embedding.dimensions || embedding.vectors.length !== embedding.hashes.length * embedding.dimensions || embedding.scales.length !== embedding.hashes.length))
  ) {
    throw new Error('model file is inconsistent (array sizes do not match)')
  }
  return snapshot
}
