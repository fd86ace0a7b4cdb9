/** "499.9" with 2 digits → 49990, by string so no float rounds it; null when it has more decimals than the currency. */
export function majorToMinorUnits(decimal: string, digits: number): number | null {
  const [whole = '0', fraction = ''] = decimal.split('.')
  if (fraction.length > digits) return null
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
}
