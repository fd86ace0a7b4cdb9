/** Quantities and prices as exact integers of millionths: numeric(…, 6) in PostgreSQL holds no more. */
export const MICRO = 1_000_000n

const DECIMAL = /^(\d+)(?:\.(\d{1,6}))?$/

/** "12400.5" or 12400.5 → 12400500000n. Throws on anything that isn't a non-negative decimal with ≤ 6 places. */
export function toMicro(value: string | number): bigint {
  const text = typeof value === 'number' ? value.toFixed(6) : value
  const match = DECIMAL.exec(text)
  if (!match) throw new RangeError(`Not a non-negative decimal with at most 6 places: ${text}`)
  return BigInt(match[1]!) * MICRO + BigInt((match[2] ?? '').padEnd(6, '0'))
}

/** a / b rounded half up, both non-negative. */
export function divideRounded(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n)
}
