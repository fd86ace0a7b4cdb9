/**
 * A monotone map from a raw confidence to the probability of being right, fitted by
 * pool-adjacent-violators (isotonic regression, Zadrozny & Elkan 2002) on held-out
 * predictions: `knots` are the pooled blocks' mean confidences, `values` their accuracy,
 * interpolated linearly in between and flat past the ends.
 */
export interface IsotonicMap {
  readonly knots: Float32Array
  readonly values: Float32Array
}

export const IDENTITY_MAP: IsotonicMap = { knots: Float32Array.of(0, 1), values: Float32Array.of(0, 1) }

/** Blocks are capped at this many so a model file stays small whatever the training set. */
const MAX_KNOTS = 256

export function fitIsotonic(confidences: ArrayLike<number>, correct: ArrayLike<boolean | number>): IsotonicMap {
  const n = confidences.length
  if (n === 0) return IDENTITY_MAP
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => confidences[a]! - confidences[b]!)
  // Each block: summed confidence, summed correctness, weight.
  const sumX: number[] = []
  const sumY: number[] = []
  const weight: number[] = []
  let lastX = NaN
  for (const i of order) {
    const x = confidences[i]!
    // Equal confidences are one observation of the map: pool them before anything else.
    if (x === lastX) {
      sumX[sumX.length - 1]! += x
      sumY[sumY.length - 1]! += correct[i] ? 1 : 0
      weight[weight.length - 1]!++
    } else {
      sumX.push(x)
      sumY.push(correct[i] ? 1 : 0)
      weight.push(1)
    }
    lastX = x
    while (sumY.length > 1 && sumY[sumY.length - 2]! / weight[weight.length - 2]! >= sumY[sumY.length - 1]! / weight[weight.length - 1]!) {
      sumX[sumX.length - 2]! += sumX.pop()!
      sumY[sumY.length - 2]! += sumY.pop()!
      weight[weight.length - 2]! += weight.pop()!
    }
  }
  let knots = sumX.map((x, b) => x / weight[b]!)
  let values = sumY.map((y, b) => y / weight[b]!)
  if (knots.length > MAX_KNOTS) {
    const step = knots.length / MAX_KNOTS
    const picks = Array.from({ length: MAX_KNOTS }, (_, k) => Math.min(knots.length - 1, Math.round(k * step)))
    picks[picks.length - 1] = knots.length - 1
    knots = picks.map((p) => knots[p]!)
    values = picks.map((p) => values[p]!)
  }
  return { knots: Float32Array.from(knots), values: Float32Array.from(values) }
}

export function applyIsotonic(map: IsotonicMap, confidence: number): number {
  const { knots, values } = map
  const last = knots.length - 1
  if (confidence <= knots[0]!) return values[0]!
  if (confidence >= knots[last]!) return values[last]!
  let low = 0
  let high = last
  while (high - low > 1) {
    const middle = (low + high) >> 1
    if (knots[middle]! <= confidence) low = middle
    else high = middle
  }
  const span = knots[high]! - knots[low]!
  return span === 0 ? values[high]! : values[low]! + ((confidence - knots[low]!) / span) * (values[high]! - values[low]!)
}
