/**
 * Stripe's documented test card numbers (https://docs.stripe.com/testing) that the portal's flows
 * need. `declineAt` says when Stripe rejects the card: `attach` fails saving it to a customer
 * (4000000000000002), `charge` saves fine but fails every payment (4000000000000341).
 */
export type TestCard = {
  brand: 'visa' | 'mastercard' | 'amex'
  funding: 'credit' | 'debit'
  country: string
  decline?: { at: 'attach' | 'charge'; code: string; message: string }
}

const declined = { code: 'generic_decline', message: 'Your card was declined.' }

export const testCards: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit', country: 'US' },
  '4000056655665556': { brand: 'visa', funding: 'debit', country: 'US' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', country: 'US' },
  '378282246310005': { brand: 'amex', funding: 'credit', country: 'US' },
  '4000000760000002': { brand: 'visa', funding: 'credit', country: 'BR' },
  '4000000000000002': { brand: 'visa', funding: 'credit', country: 'US', decline: { at: 'attach', ...declined } },
  '4000000000009995': { brand: 'visa', funding: 'credit', country: 'US', decline: { at: 'attach', code: 'insufficient_funds', message: 'Your card has insufficient funds.' } },
  '4000000000000341': { brand: 'visa', funding: 'credit', country: 'US', decline: { at: 'charge', ...declined } },
}

/** Stripe's test PaymentMethod ids (`pm_card_visa`) map onto the same cards. */
export const testPaymentMethodIds: Record<string, string> = {
  pm_card_visa: '4242424242424242',
  pm_card_mastercard: '5555555555554444',
  pm_card_amex: '378282246310005',
  pm_card_chargeDeclined: '4000000000000002',
  pm_card_chargeCustomerFail: '4000000000000341',
}
