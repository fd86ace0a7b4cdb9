import { DEFAULT_TRAINING_OPTIONS, trainTextClassifier, type TextClassifier } from './classifier/text-classifier'
import { UNCLASSIFIED, type Taxonomy } from './taxonomy'

/**
 * The classifier used when no labeled sample is given: trained on the taxonomy's own
 * example phrases, keywords and labels, so the audit works on day one, plus its
 * out-of-scope examples as an explicit `unclassified` label.
 */
export function trainSeedClassifier(taxonomy: Taxonomy): TextClassifier {
  const texts: string[] = []
  const labels: string[] = []
  for (const reason of taxonomy.reasons) {
    for (const text of [reason.label, ...reason.examples, ...reason.keywords]) {
      texts.push(text)
      labels.push(reason.id)
    }
  }
  for (const text of taxonomy.outOfScopeExamples) {
    texts.push(text)
    labels.push(UNCLASSIFIED)
  }
  return trainTextClassifier(texts, labels, DEFAULT_TRAINING_OPTIONS)
}
