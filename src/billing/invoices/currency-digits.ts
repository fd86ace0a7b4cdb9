import { numberFormat } from '../../i18n/intl-formats'

/** How many decimals a currency's minor unit has (USD 2, JPY 0), as Stripe counts amounts. */
export const currencyDigits = (currency: string): number =>
  numberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2
