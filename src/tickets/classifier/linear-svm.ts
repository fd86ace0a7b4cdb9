import type { LinearWeights } from './linear-model'
import { seededRandom, shuffleInPlace } from './seeded-random'
import type { SparseVector } from './vectorizer'

export interface SvmOptions {
  /** Inverse regularization strength. */
  readonly cost: number
  readonly maxIterations: number
  /** Stops when the projected-gradient spread falls below this (liblinear's eps). */
  readonly tolerance: number
  readonly seed: number
}

export const DEFAULT_SVM_OPTIONS: SvmOptions = { cost: 1, maxIterations: 50, tolerance: 0.1, seed: 1 }

/** The bias is learned as the weight of a constant feature, regularized like the rest (as liblinear does). */
const BIAS_FEATURE_VALUE = 1

/**
 * One-vs-rest L2-regularized squared-hinge linear SVM, trained by dual coordinate
 * descent (Hsieh et al. 2008, the LinearSVC/liblinear default): no learning rate to
 * tune and it converges in a few passes on sparse text.
 */
export function trainLinearSvm(
  rows: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
  featureCount: number,
  options: SvmOptions = DEFAULT_SVM_OPTIONS,
): LinearWeights {
  const weights = new Float32Array(featureCount * classCount)
  const bias = new Float32Array(classCount)
  const diagonal = 0.5 / options.cost
  const squaredNorms = Float64Array.from(rows, (row) => {
    let sum = BIAS_FEATURE_VALUE * BIAS_FEATURE_VALUE
    for (let k = 0; k < row.length; k++) sum += row.values[k]! * row.values[k]!
    return sum + diagonal
  })
  const order = Int32Array.from(rows, (_, i) => i)
  const random = seededRandom(options.seed)
  const w = new Float64Array(featureCount)
  const alpha = new Float64Array(rows.length)

  for (let c = 0; c < classCount; c++) {
    w.fill(0)
    alpha.fill(0)
    let wBias = 0
    for (let iteration = 0; iteration < options.maxIterations; iteration++) {
      shuffleInPlace(order, random)
      let maxProjected = -Infinity
      let minProjected = Infinity
      for (const i of order) {
        const row = rows[i]!
        const y = labels[i] === c ? 1 : -1
        let margin = wBias * BIAS_FEATURE_VALUE
        for (let k = 0; k < row.length; k++) margin += w[row.indices[k]!]! * row.values[k]!
        const gradient = y * margin - 1 + diagonal * alpha[i]!
        const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient
        maxProjected = Math.max(maxProjected, projected)
        minProjected = Math.min(minProjected, projected)
        if (Math.abs(projected) < 1e-12) continue
        const previous = alpha[i]!
        alpha[i] = Math.max(previous - gradient / squaredNorms[i]!, 0)
        const step = (alpha[i]! - previous) * y
        for (let k = 0; k < row.length; k++) w[row.indices[k]!]! += step * row.values[k]!
        wBias += step * BIAS_FEATURE_VALUE
      }
      if (maxProjected - minProjected <= options.tolerance) break
    }
    for (let f = 0; f < featureCount; f++) weights[f * classCount + c] = w[f]!
    bias[c] = wBias * BIAS_FEATURE_VALUE
  }
  return { classCount, featureCount, weights, bias }
}
