import type { MessageKey } from '../../i18n/en'
import { COUNTRIES_WITHOUT_POSTAL_CODES, POSTAL_CODE_RULES } from './postal-code-rules'

/** Why the postal code doesn't fit the country (a message naming the shape), or null when it does. */
export function postalCodeProblem(country: string, postalCode: string): MessageKey | null {
  if (!postalCode) return COUNTRIES_WITHOUT_POSTAL_CODES.has(country) ? null : (POSTAL_CODE_RULES[country]?.message ?? 'billing.postalCode.required')
  const rule = POSTAL_CODE_RULES[country]
  return rule && !rule.pattern.test(postalCode.toUpperCase()) ? rule.message : null
}
