import type { LinearWeights } from './linear-model'
import type { SparseVector } from './vectorizer'

/**
 * Complement naive Bayes with weight normalization (Rennie et al. 2003): estimates each
 * class from all the *other* classes' text, which is steadier than multinomial NB when
 * classes have few and unequal examples. Scores are negated complement log-likelihoods,
 * so larger is better as for the other trainers.
 */
export function trainComplementNb(
  rows: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
  featureCount: number,
  smoothing = 1,
): LinearWeights {
  const perClass = new Float64Array(featureCount * classCount)
  const perFeature = new Float64Array(featureCount)
  rows.forEach((row, i) => {
    const c = labels[i]!
    for (let k = 0; k < row.length; k++) {
      perClass[row.indices[k]! * classCount + c]! += row.values[k]!
      perFeature[row.indices[k]!]! += row.values[k]!
    }
  })
  const totalMass = perFeature.reduce((a, b) => a + b, 0)
  const classMass = new Float64Array(classCount)
  for (let f = 0; f < featureCount; f++) for (let c = 0; c < classCount; c++) classMass[c]! += perClass[f * classCount + c]!

  const weights = new Float32Array(featureCount * classCount)
  for (let c = 0; c < classCount; c++) {
    const complementMass = totalMass - classMass[c]! + smoothing * featureCount
    let absoluteSum = 0
    for (let f = 0; f < featureCount; f++) {
      const logTheta = Math.log((perFeature[f]! - perClass[f * classCount + c]! + smoothing) / complementMass)
      weights[f * classCount + c] = logTheta
      absoluteSum += Math.abs(logTheta)
    }
    for (let f = 0; f < featureCount; f++) weights[f * classCount + c] = -weights[f * classCount + c]! / absoluteSum
  }
  return { classCount, featureCount, weights, bias: new Float32Array(classCount) }
}
