/** The emulator refuses tax ID formats Stripe refuses, per type, and takes every value the portal sends. */
import type Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StripeEmulator } from '../../../emulator/stripe'
import { TAX_ID_TYPES, type TaxIdType } from '../../../src/billing/tax-id-types'
import { validateTaxId } from '../../../src/billing/tax-ids/validate-tax-id'
import { startEmulatorWithClient } from '../../helpers/stripe-emulator'

let emulator: StripeEmulator
let stripe: Stripe
let customer: Stripe.Customer

beforeAll(async () => {
  ;({ emulator, stripe } = await startEmulatorWithClient())
  customer = await stripe.customers.create({ name: 'Tax IDs' })
})
afterAll(async () => {
  await emulator?.stop()
})

describe('tax ID formats', () => {
  it.each([
    ['eu_vat', 'DE12'],
    ['eu_vat', 'XX123456789'],
    ['eu_vat', 'GR094259216'],
    ['eu_vat', 'NL123456789'],
    ['gb_vat', 'GB12'],
    ['ch_vat', 'CHE-123'],
    ['au_abn', 'AU 1234'],
    ['ca_bn', 'CA 12345'],
    ['in_gst', 'IN 12ABC'],
    ['us_ein', 'US 123'],
    ['br_cnpj', '16.727.230/0001'],
    ['br_cpf', '390.533.447'],
    ['jp_cn', '123'],
    ['mx_rfc', '12345'],
    ['za_vat', '1123456789'],
  ])('refuses %s %s with tax_id_invalid, as Stripe does', async (type, value) => {
    const before = emulator.events('customer.tax_id.created').length
    await expect(stripe.customers.createTaxId(customer.id, { type: type as Stripe.TaxIdCreateParams.Type, value })).rejects.toMatchObject({
      statusCode: 400,
      code: 'tax_id_invalid',
      param: 'value',
      message: `Invalid value for ${type}.`,
    })
    expect(emulator.events('customer.tax_id.created')).toHaveLength(before)
  })

  // One valid number per type, as the portal hands it to Stripe (its checked, formatted value).
  const examples: Record<TaxIdType, [value: string, country: string, postalCode?: string]> = {
    eu_vat: ['XI980780684', 'GB', 'BT1 5GS'],
    gb_vat: ['GB980780684', 'GB'],
    ch_vat: ['CHE107787577', 'CH'],
    no_vat: ['995525828', 'NO'],
    is_vat: ['123456', 'IS'],
    es_cif: ['J99216582', 'ES'],
    us_ein: ['911144442', 'US'],
    ca_bn: ['123026635', 'CA'],
    ca_gst_hst: ['123026635RT0001', 'CA'],
    mx_rfc: ['MAB9307148T4', 'MX'],
    br_cnpj: ['16727230000197', 'BR'],
    br_cpf: ['39053344705', 'BR'],
    ar_cuit: ['20055361682', 'AR'],
    cl_tin: ['760864285', 'CL'],
    au_abn: ['51824753556', 'AU'],
    nz_gst: ['49091850', 'NZ'],
    in_gst: ['27AAPFU0939F1ZV', 'IN'],
    jp_cn: ['5835678256246', 'JP'],
    kr_brn: ['1168200276', 'KR'],
    sg_uen: ['197401143C', 'SG'],
    tw_vat: ['04595257', 'TW'],
    za_vat: ['4123456789', 'ZA'],
  }

  it.each(TAX_ID_TYPES)('takes the portal’s %s, reporting its country', async (type) => {
    const [value, country, postalCode = ''] = examples[type]
    const checked = validateTaxId(type, value, { country, postalCode })
    if (!checked.ok) throw new Error(checked.message)
    const taxId = await stripe.customers.createTaxId(customer.id, { type, value: checked.value })
    expect(taxId.country).toBe(country)
  })
})

describe('verification (test-only control)', () => {
  it('settles a tax ID’s verification and announces it with customer.tax_id.updated', async () => {
    const taxId = await stripe.customers.createTaxId(customer.id, { type: 'eu_vat', value: 'DE136695976' })
    const response = await fetch(`${emulator.url}/_emulator/tax_ids/${taxId.id}/verification`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_emulator', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=unverified',
    })
    expect(response.status).toBe(200)
    expect((await stripe.customers.retrieveTaxId(customer.id, taxId.id)).verification?.status).toBe('unverified')
    const event = emulator.events('customer.tax_id.updated').at(-1)!
    expect(event.data).toMatchObject({ object: { id: taxId.id, verification: { status: 'unverified' } }, previous_attributes: { verification: { status: 'verified' } } })

    const bad = await fetch(`${emulator.url}/_emulator/tax_ids/${taxId.id}/verification`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_test_emulator', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'status=maybe',
    })
    expect(bad.status).toBe(400)
  })
})
