import { describe, expect, it } from 'vitest'
import { DEFAULT_FEATURE_CONFIG, FeatureExtractor } from '../../../src/tickets/classifier/features'
import { classifierFromSnapshot, snapshotFromJson, snapshotOf, snapshotToJson } from '../../../src/tickets/classifier/serialize'
import { SparseCounts } from '../../../src/tickets/classifier/sparse-counts'
import { DEFAULT_TRAINING_OPTIONS, trainTextClassifier } from '../../../src/tickets/classifier/text-classifier'
import { TfidfVectorizer } from '../../../src/tickets/classifier/vectorizer'

function featureCounts(text: string, config = DEFAULT_FEATURE_CONFIG): SparseCounts {
  const extractor = new FeatureExtractor(config)
  const counts = new SparseCounts(extractor.maxFeaturesPerText())
  extractor.extract(text, counts)
  return counts
}

describe('FeatureExtractor', () => {
  it('emits word unigrams, bigrams and padded character trigrams', () => {
    // "ab cd": words ab, cd; bigram ab_cd; trigrams " ab", "ab ", " cd", "cd ".
    expect(featureCounts('ab cd').size).toBe(2 + 1 + 4)
    expect(featureCounts('ab cd', { ...DEFAULT_FEATURE_CONFIG, wordNgramMax: 1 }).size).toBe(2 + 4)
  })

  it('normalizes case, digits and apostrophes, so variants share features', () => {
    const keys = (text: string) => [...featureCounts(text).keys.slice(0, featureCounts(text).size)].sort()
    expect(keys("Don't charge card 4242")).toEqual(keys('dont CHARGE card 9999'))
    expect(keys('refund')).not.toEqual(keys('refunds'))
  })

  it('only featurizes the first maxChars characters', () => {
    const config = { ...DEFAULT_FEATURE_CONFIG, maxChars: 10 }
    expect(featureCounts('short text and then a very long tail of other words', config).size).toBe(featureCounts('short text', config).size)
  })
})

describe('TfidfVectorizer', () => {
  it('L2-normalizes the word and character blocks separately, words weighted by wordBlockWeight', () => {
    const vectorizer = TfidfVectorizer.fit(['reset my password', 'update my card'], DEFAULT_FEATURE_CONFIG)
    const vector = vectorizer.transform('reset my card')
    let words = 0
    let chars = 0
    for (let i = 0; i < vector.length; i++) {
      const square = vector.values[i]! ** 2
      if (vector.indices[i]! < vectorizer.wordFeatureCount) words += square
      else chars += square
    }
    expect(Math.sqrt(words)).toBeCloseTo(DEFAULT_FEATURE_CONFIG.wordBlockWeight, 5)
    expect(Math.sqrt(chars)).toBeCloseTo(1, 5)
    expect(vectorizer.transform('zzzz qqqq').length).toBe(0)
  })
})

const TOY_TRAIN = [
  ['please reset my password', 'login'],
  ['i forgot my password', 'login'],
  ['cannot log in to my account', 'login'],
  ['locked out after password change', 'login'],
  ['send me the invoice for march', 'invoice'],
  ['where can i download invoices', 'invoice'],
  ['need a copy of the receipt', 'invoice'],
  ['invoice pdf is missing', 'invoice'],
  ['the app crashes on upload', 'bug'],
  ['error 500 when saving', 'bug'],
  ['page is blank after update', 'bug'],
  ['export button does nothing', 'bug'],
] as const

describe('trainTextClassifier', () => {
  const texts = TOY_TRAIN.map(([text]) => text)
  const labels = TOY_TRAIN.map(([, label]) => label)

  it('learns separable intents and generalizes to unseen phrasings', () => {
    const classifier = trainTextClassifier(texts, labels)
    expect(classifier.labels).toEqual(['bug', 'invoice', 'login'])
    expect(classifier.predict('password reset link expired').label).toBe('login')
    expect(classifier.predict('download the invoices please').label).toBe('invoice')
    expect(classifier.predict('crashes with an error').label).toBe('bug')
    const { confidence } = classifier.predict('forgot password')
    expect(confidence).toBeGreaterThan(1 / 3)
    expect(confidence).toBeLessThanOrEqual(1)
    expect(classifier.probabilityScale).toBeGreaterThan(0)
  })

  it('also trains complement naive Bayes', () => {
    const classifier = trainTextClassifier(texts, labels, { ...DEFAULT_TRAINING_OPTIONS, algorithm: 'complement-nb' })
    expect(classifier.predict('i forgot my password again').label).toBe('login')
  })

  it('refuses a single label', () => {
    expect(() => trainTextClassifier(['a', 'b'], ['x', 'x'])).toThrow(/at least two labels/)
  })

  it('round-trips through model.json with identical scores', () => {
    const classifier = trainTextClassifier(texts, labels)
    const restored = classifierFromSnapshot(snapshotFromJson(snapshotToJson(snapshotOf(classifier))))
    for (const text of ['forgot password', 'invoice please', 'blank page', 'unrelated words']) {
      expect(Array.from(restored.decisionValues(text).subarray(0, 3))).toEqual(Array.from(classifier.decisionValues(text).subarray(0, 3)))
    }
    expect(restored.probabilityScale).toBe(classifier.probabilityScale)
    expect(() => snapshotFromJson('{"format":"something-else"}')).toThrow()
  })
})
