import { describe, expect, it } from 'vitest'
import { classifierFromSnapshot, snapshotFromJson, snapshotOf, snapshotToJson } from '../../../src/tickets/classifier/serialize'
import { DEFAULT_TRAINING_OPTIONS, trainTextClassifier } from '../../../src/tickets/classifier/text-classifier'
import { featurizerWordHash, shippedWordVectors, WordVectorIndex } from '../../../src/tickets/classifier/vectors/word-vector-table'

const TRAIN: [string, string][] = [
  ['i forgot my password', 'login'],
  ['cannot sign in to my account', 'login'],
  ['the login page rejects me', 'login'],
  ['please send the invoice', 'invoice'],
  ['where is my receipt for march', 'invoice'],
  ['download last month bill', 'invoice'],
  ['cancel my subscription', 'cancel'],
  ['i want to stop my plan', 'cancel'],
  ['end the contract now', 'cancel'],
]
const texts = TRAIN.map(([text]) => text)
const labels = TRAIN.map(([, label]) => label)

function dot(a: Int8Array, i: number, j: number, dims: number): number {
  let sum = 0
  for (let d = 0; d < dims; d++) sum += a[i * dims + d]! * a[j * dims + d]!
  return sum
}

describe('shipped word vectors', () => {
  it('look words up by the featurizer hash, with similar words closer than unrelated ones', () => {
    const table = shippedWordVectors()
    expect(table.dimensions).toBe(100)
    expect(table.hashes.length).toBe(100_000)
    const index = new WordVectorIndex(table)
    const row = (word: string) => index.rowOf(featurizerWordHash(word)!)
    // GloVe learned from news text ("bill" is mostly legislation there), so the pairs are unambiguous ones.
    const [refund, reimbursement, password, login, banana] = ['refund', 'reimbursement', 'password', 'login', 'banana'].map(row) as [number, number, number, number, number]
    expect(Math.min(refund, reimbursement, password, login, banana)).toBeGreaterThanOrEqual(0)
    const cosine = (i: number, j: number) => dot(table.vectors, i, j, 100) / Math.sqrt(dot(table.vectors, i, i, 100) * dot(table.vectors, j, j, 100))
    expect(cosine(refund, reimbursement)).toBeGreaterThan(0.5)
    expect(cosine(password, login)).toBeGreaterThan(0.5)
    expect(cosine(refund, banana)).toBeLessThan(0.2)
    expect(index.rowOf(featurizerWordHash('xqzzyplorf')!)).toBe(-1)
  })
})

describe('a classifier with word-vector features', () => {
  const classifier = trainTextClassifier(texts, labels, DEFAULT_TRAINING_OPTIONS)

  it('adds the embedding block after the n-gram features', () => {
    const { vectorizer } = classifier
    expect(vectorizer.embedder).not.toBeNull()
    expect(vectorizer.featureCount).toBe(vectorizer.bucketIndex.size + 100)
    const vector = vectorizer.transform('invoice')
    const dense = Array.from(vector.indices.subarray(0, vector.length)).filter((index) => index >= vectorizer.bucketIndex.size)
    expect(dense).toHaveLength(100)
  })

  it('round-trips through model.json with the vectors inside: same scores and calibration without the shipped table', () => {
    const json = snapshotToJson(snapshotOf(classifier))
    const file = JSON.parse(json) as { format: string; embedding: { hashes: string } | null; calibration: unknown }
    expect(file.format).toBe('portico-ticket-classifier/2')
    expect(file.embedding).not.toBeNull()
    expect(file.calibration).toBeDefined()
    const restored = classifierFromSnapshot(snapshotFromJson(json))
    expect(Array.from(restored.calibration.knots)).toEqual(Array.from(classifier.calibration.knots))
    for (const text of ['my receipt please', 'terminate my membership', 'password', 'zzz unknown words']) {
      expect(Array.from(restored.decisionValues(text).subarray(0, 3))).toEqual(Array.from(classifier.decisionValues(text).subarray(0, 3)))
      expect(restored.predict(text)).toEqual(classifier.predict(text))
    }
  })

  it('still loads a version-1 model file (no vectors, identity calibration)', () => {
    const plain = trainTextClassifier(texts, labels, { ...DEFAULT_TRAINING_OPTIONS, vectors: null })
    const v2 = JSON.parse(snapshotToJson(snapshotOf(plain))) as Record<string, unknown>
    const { calibration: _calibration, embedding: _embedding, ...rest } = v2
    const restored = classifierFromSnapshot(snapshotFromJson(JSON.stringify({ ...rest, format: 'portico-ticket-classifier/1' })))
    expect(restored.vectorizer.embedder).toBeNull()
    expect(restored.calibrated(0.42)).toBeCloseTo(0.42)
    expect(restored.predict('send the invoice').label).toBe('invoice')
  })

  it('refuses a model file whose embedding does not match its weights', () => {
    const file = JSON.parse(snapshotToJson(snapshotOf(classifier))) as { embedding: { dimensions: number } }
    file.embedding.dimensions = 50
    expect(() => snapshotFromJson(JSON.stringify(file))).toThrow(/inconsistent/)
  })
})
