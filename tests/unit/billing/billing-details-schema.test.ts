/** The Billing form's whole input: ISO country, postal code per country, tax IDs against the address. */
import { describe, expect, it } from 'vitest'

import { BillingDetailsInput } from '../../../src/billing/customer-sync/billing-details-schema'

const details = (address: Record<string, string>, taxIds: { type: string; value: string }[] = []) => ({
  billingName: 'Acme',
  billingEmail: 'billing@acme.test',
  address: { line1: 'Main St 1', line2: '', city: 'Town', postalCode: '', state: '', country: '', ...address },
  taxIds,
})
const fieldErrors = (input: unknown) => {
  const result = BillingDetailsInput.safeParse(input)
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('BillingDetailsInput', () => {
  it.each([
    ['US', '94103'],
    ['US', '94103-1234'],
    ['CA', 'k1a 0b1'],
    ['GB', 'SW1A 1AA'],
    ['DE', '10117'],
    ['FR', '75008'],
    ['NL', '1012 AB'],
    ['BR', '01310-100'],
    ['IN', '110001'],
    ['AU', '2000'],
    ['JP', '100-0001'],
    ['IE', 'D02 X285'],
    ['HK', ''], // Hong Kong has no postal codes
    ['NZ', '6011'], // no shape on file: any non-empty code
  ])('takes %s with postal code %j', (country, postalCode) => {
    expect(fieldErrors(details({ country, postalCode }))).toEqual({})
  })

  it.each([
    ['US', '9410', 'A US ZIP code is 5 digits, or 5+4, e.g. 94103 or 94103-1234.'],
    ['CA', '123456', 'A Canadian postal code is letter-digit-letter digit-letter-digit, e.g. K1A 0B1.'],
    ['GB', '12345', 'A UK postcode is an outward and an inward code, e.g. SW1A 1AA.'],
    ['DE', '1011', 'A German postal code is 5 digits, e.g. 10117.'],
    ['NL', '1012', 'A Dutch postal code is 4 digits and 2 letters, e.g. 1012 AB.'],
    ['BR', '0131', 'A Brazilian CEP is 8 digits, e.g. 01310-100.'],
    ['IN', '011000', 'An Indian PIN code is 6 digits, e.g. 110001.'],
    ['JP', '1000', 'A Japanese postal code is 7 digits, e.g. 100-0001.'],
    ['DE', '', 'A German postal code is 5 digits, e.g. 10117.'],
    ['NZ', '', 'Enter the postal code.'],
  ])('refuses %s postal code %j, naming the shape', (country, postalCode, message) => {
    expect(fieldErrors(details({ country, postalCode }))).toEqual({ 'address.postalCode': message })
  })

  it('refuses a country that is not an ISO 3166 code (ZZ, an alpha-3 code, a name)', () => {
    for (const country of ['ZZ', 'DEU', 'Germany']) {
      expect(fieldErrors(details({ country, postalCode: '10117' }))).toEqual({ 'address.country': 'Choose a country from the list.' })
    }
  })

  it('needs a country for an address and for any tax ID', () => {
    expect(fieldErrors(details({}))).toEqual({ 'address.country': 'Choose the country of the billing address.' })
    expect(fieldErrors(details({ line1: '', city: '' }, [{ type: 'eu_vat', value: 'DE136695976' }]))).toEqual({
      'address.country': 'Choose the billing address country: each tax ID must match it.',
    })
    expect(fieldErrors(details({ line1: '', city: '' }))).toEqual({})
  })

  it('reports every field at once and hands on tax IDs in Stripe’s format', () => {
    expect(fieldErrors({ ...details({ country: 'DE', postalCode: '1' }, [{ type: 'eu_vat', value: 'DE123456789' }]), billingEmail: 'nope' })).toEqual({
      billingEmail: 'Enter an email address, e.g. billing@example.com.',
      'address.postalCode': 'A German postal code is 5 digits, e.g. 10117.',
      'taxIds.0.value': 'A German VAT number is DE followed by 9 digits, e.g. DE136695976.',
    })
    const parsed = BillingDetailsInput.parse(details({ country: 'br', postalCode: '01310100' }, [{ type: 'br_cnpj', value: '16727230000197' }, { type: 'br_cpf', value: '390 533 447 05' }]))
    expect(parsed.address.country).toBe('BR')
    expect(parsed.taxIds).toEqual([{ type: 'br_cnpj', value: '16.727.230/0001-97' }, { type: 'br_cpf', value: '390.533.447-05' }])
  })
})
