/** Rounded to `digits` decimals, for the bench table. */
export const round = (value: number, digits = 2) => Number(value.toFixed(digits))

/** The p-th percentile (nearest rank) of samples already sorted ascending; 0 for none. */
export const percentile = (sorted: readonly number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0)

/** p50 / p95 / p99 of unsorted samples, rounded. */
export function percentiles(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) }
}
