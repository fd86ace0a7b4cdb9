import { z } from 'zod'
import { BucketIndex } from './bucket-index'
import type { FeatureConfig } from './features'
import { TextClassifier } from './text-classifier'
import { TfidfVectorizer } from './vectorizer'

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
  }
}

export function classifierFromSnapshot(snapshot: ClassifierSnapshot): TextClassifier {
  const vectorizer = new TfidfVectorizer(snapshot.features, new BucketIndex(snapshot.buckets), snapshot.wordFeatureCount, snapshot.idf)
  const model = { classCount: snapshot.classCount, featureCount: snapshot.buckets.length, stride: snapshot.stride, weights: snapshot.weights, bias: snapshot.bias }
  return new TextClassifier(snapshot.labels, vectorizer, model, snapshot.probabilityScale)
}

const MODEL_FORMAT = 'portico-ticket-classifier/1'

const modelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
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
})

export function snapshotToJson(snapshot: ClassifierSnapshot): string {
  const base64 = (array: Int32Array | Float32Array): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')
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
  })
}

export function snapshotFromJson(json: string): ClassifierSnapshot {
  const file = modelFileSchema.parse(JSON.parse(json))
  const bytes = (text: string): Buffer => Buffer.from(text, 'base64')
  const int32 = (text: string): Int32Array => {
    const buffer = bytes(text)
    return new Int32Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
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
  }
  if (snapshot.idf.length !== snapshot.buckets.length || snapshot.weights.length !== snapshot.buckets.length * snapshot.stride || snapshot.classCount !== snapshot.labels.length) {
    throw new Error('model file is inconsistent (array sizes do not match)')
  }
  return snapshot
}
