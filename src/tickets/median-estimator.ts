/**
 * Median in bounded memory. Keeps exact values up to `exactCapacity` (so small audits and
 * tests get the exact median); past that, moves everything into a fixed log-spaced
 * histogram of 1% wide bins from 1 minute to 10 years, whose median is within ~0.5% of
 * the true one. Memory is the same for 10 or 10 million tickets.
 */
const MIN_HOURS = 1 / 60
const MAX_HOURS = 24 * 365 * 10
const BIN_GROWTH = 1.01
const LOG_GROWTH = Math.log(BIN_GROWTH)
/** Bin 0 holds values below MIN_HOURS (including 0); the last bin everything above MAX_HOURS. */
const BIN_COUNT = Math.ceil(Math.log(MAX_HOURS / MIN_HOURS) / LOG_GROWTH) + 2

export class MedianEstimator {
  private exact: Float64Array | null
  private exactCount = 0
  private bins: Float64Array | null = null
  private total = 0

  constructor(private readonly exactCapacity = 4096) {
    this.exact = new Float64Array(exactCapacity)
  }

  get count(): number {
    return this.total
  }

  /** True while the median is computed from every value rather than the histogram. */
  get isExact(): boolean {
    return this.bins === null
  }

  add(value: number): void {
    this.total++
    if (this.exact !== null) {
      if (this.exactCount < this.exactCapacity) {
        this.exact[this.exactCount++] = value
        return
      }
      this.bins = new Float64Array(BIN_COUNT)
      for (let i = 0; i < this.exactCount; i++) this.bins[binOf(this.exact[i]!)]!++
      this.exact = null
    }
    this.bins![binOf(value)]!++
  }

  median(): number | null {
    if (this.total === 0) return null
    if (this.exact !== null) {
      const sorted = this.exact.slice(0, this.exactCount).sort()
      const middle = sorted.length >> 1
      return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
    }
    const half = this.total / 2
    let seen = 0
    for (let bin = 0; bin < BIN_COUNT; bin++) {
      seen += this.bins![bin]!
      if (seen >= half) return binMidpoint(bin)
    }
    return binMidpoint(BIN_COUNT - 1)
  }
}

function binOf(hours: number): number {
  if (hours < MIN_HOURS) return 0
  return Math.min(BIN_COUNT - 1, 1 + Math.floor(Math.log(hours / MIN_HOURS) / LOG_GROWTH))
}

/** Geometric middle of a bin (bin 0: zero; last bin: its lower edge). */
function binMidpoint(bin: number): number {
  if (bin === 0) return 0
  if (bin === BIN_COUNT - 1) return MIN_HOURS * BIN_GROWTH ** (bin - 1)
  return MIN_HOURS * BIN_GROWTH ** (bin - 0.5)
}
