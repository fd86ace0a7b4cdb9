/**
 * Tax IDs as the Billing form checks them before anything reaches Stripe. Every expected value
 * below is written by hand from a published source, never computed by the code under test:
 * valid numbers are python-stdnum's documented examples (arthurdejong.org/python-stdnum/doc, one
 * module per country), the ATO's sample ABN, the widely published GSTIN 27AAPFU0939F1ZV and
 * Stripe's documented formats (docs.stripe.com/billing/customer/tax-ids); invalid ones are the
 * same numbers with a check digit changed, Stripe's own example DE123456789 (bad checksum) and
 * the ten values the issue saw accepted. A refusal must name the expected format.
 */
import { describe, expect, it } from 'vitest'

import type { TaxIdType } from '../../../src/billing/tax-id-types'
import { validateTaxId } from '../../../src/billing/tax-ids/validate-tax-id'

type Row = [type: TaxIdType, value: string, country: string, expected: { value: string } | { message: string }, postalCode?: string]

const ok = (value: string) => ({ value })
const no = (message: string) => ({ message })

const euValid: Row[] = [
  ['eu_vat', 'ATU13585627', 'AT', ok('ATU13585627')],
  ['eu_vat', 'BE 0428 759 497', 'BE', ok('BE0428759497')],
  ['eu_vat', 'BG 175 074 752', 'BG', ok('BG175074752')],
  ['eu_vat', 'CY10259033P', 'CY', ok('CY10259033P')],
  ['eu_vat', 'CZ25123891', 'CZ', ok('CZ25123891')],
  ['eu_vat', 'DE 136 695 976', 'DE', ok('DE136695976')],
  ['eu_vat', 'DK 13 58 56 28', 'DK', ok('DK13585628')],
  ['eu_vat', 'EE 100 931 558', 'EE', ok('EE100931558')],
  ['eu_vat', 'EL 094259216', 'GR', ok('EL094259216')],
  ['eu_vat', 'ES B-58378431', 'ES', ok('ESB58378431')],
  ['eu_vat', 'FI 20774740', 'FI', ok('FI20774740')],
  ['eu_vat', 'FR 40 303 265 045', 'FR', ok('FR40303265045')],
  ['eu_vat', 'HR 33392005961', 'HR', ok('HR33392005961')],
  ['eu_vat', 'HU-12892312', 'HU', ok('HU12892312')],
  ['eu_vat', 'IE 6433435F', 'IE', ok('IE6433435F')],
  ['eu_vat', 'IT 00743110157', 'IT', ok('IT00743110157')],
  ['eu_vat', 'LT 119511515', 'LT', ok('LT119511515')],
  ['eu_vat', 'LU 150 274 42', 'LU', ok('LU15027442')],
  ['eu_vat', 'LV 4000 3521 600', 'LV', ok('LV40003521600')],
  ['eu_vat', 'MT 1167-9112', 'MT', ok('MT11679112')],
  ['eu_vat', 'nl004495445b01', 'NL', ok('NL004495445B01')],
  ['eu_vat', 'PL 8567346215', 'PL', ok('PL8567346215')],
  ['eu_vat', 'PT 501 964 843', 'PT', ok('PT501964843')],
  ['eu_vat', 'RO 185 472 90', 'RO', ok('RO18547290')],
  ['eu_vat', 'SE 123456789701', 'SE', ok('SE123456789701')],
  ['eu_vat', 'SI 5022 3054', 'SI', ok('SI50223054')],
  ['eu_vat', 'SK 202 274 96 19', 'SK', ok('SK2022749619')],
  ['eu_vat', 'XI 980 7806 84', 'GB', ok('XI980780684'), 'BT1 5GS'],
]

const euChecksum: Row[] = [
  ['eu_vat', 'DE123456789', 'DE', no('A German VAT number is DE followed by 9 digits, e.g. DE136695976.')],
  ['eu_vat', 'DE136695978', 'DE', no('A German VAT number is DE followed by 9 digits, e.g. DE136695976.')],
  ['eu_vat', 'ATU13585626', 'AT', no('An Austrian VAT number is ATU followed by 8 digits, e.g. ATU13585627.')],
  ['eu_vat', 'BE0431150351', 'BE', no('A Belgian VAT number is BE followed by 10 digits starting with 0 or 1, e.g. BE0403019261.')],
  ['eu_vat', 'BG175074751', 'BG', no('A Bulgarian VAT number is BG followed by 9 or 10 digits, e.g. BG175074752.')],
  ['eu_vat', 'CY10259033Z', 'CY', no('A Cypriot VAT number is CY followed by 8 digits and a letter, e.g. CY10259033P.')],
  ['eu_vat', 'CZ25123890', 'CZ', no('A Czech VAT number is CZ followed by 8, 9 or 10 digits, e.g. CZ25123891.')],
  ['eu_vat', 'DK13585627', 'DK', no('A Danish VAT number is DK followed by 8 digits, e.g. DK13585628.')],
  ['eu_vat', 'EE100594103', 'EE', no('An Estonian VAT number is EE followed by 9 digits, e.g. EE100931558.')],
  ['eu_vat', 'EL123456781', 'GR', no('A Greek VAT number is EL (not GR) followed by 9 digits, e.g. EL094259216.')],
  ['eu_vat', 'ESB64717839', 'ES', no('e.g. ESB58378431.')],
  ['eu_vat', 'FI20774741', 'FI', no('A Finnish VAT number is FI followed by 8 digits, e.g. FI20774740.')],
  ['eu_vat', 'FR84323140391', 'FR', no('A French VAT number is FR followed by a 2-character key and the 9-digit SIREN, e.g. FR40303265045.')],
  ['eu_vat', 'HR33392005962', 'HR', no('A Croatian VAT number is HR followed by 11 digits, e.g. HR33392005961.')],
  ['eu_vat', 'HU12892313', 'HU', no('A Hungarian VAT number is HU followed by 8 digits, e.g. HU12892312.')],
  ['eu_vat', 'IE6433435E', 'IE', no('An Irish VAT number is IE followed by 7 digits and 1 or 2 letters, e.g. IE6433435F.')],
  ['eu_vat', 'IT00743110158', 'IT', no('An Italian VAT number is IT followed by 11 digits, e.g. IT00743110157.')],
  ['eu_vat', 'LT100001919018', 'LT', no('A Lithuanian VAT number is LT followed by 9 or 12 digits, e.g. LT119511515.')],
  ['eu_vat', 'LU15027443', 'LU', no('A Luxembourg VAT number is LU followed by 8 digits, e.g. LU15027442.')],
  ['eu_vat', 'LV40003521601', 'LV', no('A Latvian VAT number is LV followed by 11 digits, e.g. LV40003521600.')],
  ['eu_vat', 'MT11679113', 'MT', no('A Maltese VAT number is MT followed by 8 digits, e.g. MT11679112.')],
  ['eu_vat', 'NL123456789B90', 'NL', no('A Dutch VAT number is NL followed by 9 digits, the letter B and 2 digits, e.g. NL004495445B01.')],
  ['eu_vat', 'PL8567346216', 'PL', no('A Polish VAT number is PL followed by 10 digits, e.g. PL8567346215.')],
  ['eu_vat', 'PT501964842', 'PT', no('A Portuguese VAT number is PT followed by 9 digits, e.g. PT501964843.')],
  ['eu_vat', 'RO18547291', 'RO', no('A Romanian VAT number is RO followed by 2 to 10 digits, e.g. RO18547290.')],
  ['eu_vat', 'SE123456789101', 'SE', no('A Swedish VAT number is SE followed by 12 digits ending in 01, e.g. SE123456789701.')],
  ['eu_vat', 'SI50223055', 'SI', no('A Slovenian VAT number is SI followed by 8 digits, e.g. SI50223054.')],
  ['eu_vat', 'SK2022749618', 'SK', no('A Slovak VAT number is SK followed by 10 digits, e.g. SK2022749619.')],
  ['eu_vat', 'XI802311781', 'GB', no('A Northern Ireland VAT number is XI followed by 9 digits, e.g. XI980780684.'), 'BT1 5GS'],
]

// What the issue saw saved as it was.
const issueValues: Row[] = [
  ['eu_vat', 'DE12', 'DE', no('A German VAT number is DE followed by 9 digits, e.g. DE136695976.')],
  ['eu_vat', 'FR123', 'FR', no('A French VAT number is FR followed by a 2-character key and the 9-digit SIREN, e.g. FR40303265045.')],
  ['eu_vat', 'IT12345', 'IT', no('An Italian VAT number is IT followed by 11 digits, e.g. IT00743110157.')],
  ['eu_vat', 'NL123456789', 'NL', no('A Dutch VAT number is NL followed by 9 digits, the letter B and 2 digits, e.g. NL004495445B01.')],
  ['gb_vat', 'GB12', 'GB', no('A UK VAT number is GB followed by 9 digits (12 for a branch), e.g. GB980780684.')],
  ['ch_vat', 'CHE-123', 'CH', no('A Swiss VAT number is CHE, 9 digits and MWST, TVA or IVA, e.g. CHE-107.787.577 MWST.')],
  ['au_abn', 'AU 1234', 'AU', no('An Australian ABN is 11 digits, e.g. 51 824 753 556.')],
  ['ca_bn', 'CA 12345', 'CA', no('A Canadian business number is 9 digits, e.g. 123026635.')],
  ['in_gst', 'IN 12ABC', 'IN', no('e.g. 27AAPFU0939F1ZV.')],
  ['us_ein', 'US 123', 'US', no('A US EIN is 9 digits, written 2-7, e.g. 91-1144442.')],
]

const otherValid: Row[] = [
  ['gb_vat', 'GB 980 7806 84', 'GB', ok('GB980780684')],
  ['gb_vat', '980780684', 'GB', ok('GB980780684')],
  ['ch_vat', 'CHE-107.787.577 IVA', 'CH', ok('CHE-107.787.577 IVA')],
  ['ch_vat', 'CHE107787577', 'CH', ok('CHE-107.787.577 MWST')],
  ['no_vat', 'NO 995 525 828 MVA', 'NO', ok('995525828MVA')],
  ['is_vat', '123456', 'IS', ok('123456')],
  ['es_cif', 'J99216582', 'ES', ok('J99216582')],
  ['us_ein', '91-1144442', 'US', ok('91-1144442')],
  ['us_ein', '911144442', 'US', ok('91-1144442')],
  ['ca_bn', '12302 6635', 'CA', ok('123026635')],
  ['ca_gst_hst', '123026635 RT 0001', 'CA', ok('123026635RT0001')],
  ['mx_rfc', 'MAB-930714-8T4', 'MX', ok('MAB9307148T4')],
  ['mx_rfc', 'GODE 561231 GR8', 'MX', ok('GODE561231GR8')],
  ['br_cnpj', '16.727.230/0001-97', 'BR', ok('16.727.230/0001-97')],
  ['br_cnpj', '16727230000197', 'BR', ok('16.727.230/0001-97')],
  ['br_cpf', '390.533.447-05', 'BR', ok('390.533.447-05')],
  ['br_cpf', '39053344705', 'BR', ok('390.533.447-05')],
  ['ar_cuit', '20-05536168-2', 'AR', ok('20-05536168-2')],
  ['cl_tin', '76086428-5', 'CL', ok('76.086.428-5')],
  ['au_abn', '51 824 753 556', 'AU', ok('51824753556')],
  ['au_abn', '83 914 571 673', 'AU', ok('83914571673')],
  ['nz_gst', '49-091-850', 'NZ', ok('49091850')],
  ['in_gst', '27AAPFU0939F1ZV', 'IN', ok('27AAPFU0939F1ZV')],
  ['jp_cn', '5-8356-7825-6246', 'JP', ok('5835678256246')],
  ['kr_brn', '116-82-00276', 'KR', ok('116-82-00276')],
  ['sg_uen', '197401143C', 'SG', ok('197401143C')],
  ['tw_vat', '04595257', 'TW', ok('04595257')],
  ['za_vat', '4123456789', 'ZA', ok('4123456789')],
]

const otherInvalid: Row[] = [
  ['gb_vat', 'GB802311781', 'GB', no('A UK VAT number is GB followed by 9 digits (12 for a branch), e.g. GB980780684.')],
  ['ch_vat', 'CHE-107.787.578 MWST', 'CH', no('A Swiss VAT number is CHE, 9 digits and MWST, TVA or IVA, e.g. CHE-107.787.577 MWST.')],
  ['no_vat', 'NO 995 525 829 MVA', 'NO', no('A Norwegian VAT number is the 9-digit organisation number followed by MVA, e.g. 995525828MVA.')],
  ['is_vat', '1234567', 'IS', no('An Icelandic VAT number (VSK) is 5 or 6 digits, e.g. 123456.')],
  ['es_cif', 'J99216583', 'ES', no('A Spanish CIF is a letter, 7 digits and a check digit or letter, e.g. B58378431.')],
  ['us_ein', '07-1144442', 'US', no('A US EIN is 9 digits, written 2-7, e.g. 91-1144442.')],
  ['ca_bn', '123456789', 'CA', no('A Canadian business number is 9 digits, e.g. 123026635.')],
  ['ca_gst_hst', '123026636RT0001', 'CA', no('A Canadian GST/HST number is the 9-digit business number, RT and 4 digits, e.g. 123026635RT0001.')],
  ['mx_rfc', 'MAB-930714-8T5', 'MX', no('A Mexican RFC is 3 letters (4 for a person), the date as YYMMDD and 3 characters, e.g. MAB9307148T4.')],
  ['br_cnpj', '16.727.230/0001-98', 'BR', no('A Brazilian CNPJ is 14 digits, written like 16.727.230/0001-97.')],
  ['br_cpf', '231.002.999-00', 'BR', no('A Brazilian CPF is 11 digits, written like 390.533.447-05.')],
  ['ar_cuit', '20267565392', 'AR', no('An Argentinian CUIT is 11 digits, written like 20-05536168-2.')],
  ['cl_tin', '76086428-6', 'CL', no('A Chilean RUT is 7 or 8 digits and a check digit (0–9 or K), written like 76.086.428-5.')],
  ['au_abn', '99 999 999 999', 'AU', no('An Australian ABN is 11 digits, e.g. 51 824 753 556.')],
  ['nz_gst', '49-091-851', 'NZ', no('A New Zealand GST number is 8 or 9 digits (the IRD number), e.g. 49-091-850.')],
  ['in_gst', '27AAPFU0939F1ZW', 'IN', no('An Indian GSTIN is 15 characters: a 2-digit state code, the 10-character PAN, an entity number, Z and a check character, e.g. 27AAPFU0939F1ZV.')],
  ['jp_cn', '2-8356-7825-6246', 'JP', no('A Japanese corporate number is 13 digits, e.g. 5835678256246.')],
  ['kr_brn', '116-82-00277', 'KR', no('A Korean business registration number is 10 digits, written like 116-82-00276.')],
  ['sg_uen', '197401143D', 'SG', no('A Singapore UEN is 9 or 10 characters ending in a letter, e.g. 197401143C.')],
  ['tw_vat', '04595252', 'TW', no('A Taiwanese VAT number (Unified Business Number) is 8 digits, e.g. 04595257.')],
  ['za_vat', '1012345675', 'ZA', no('A South African VAT number is 10 digits starting with 4, e.g. 4123456789.')],
]

const countryMismatch: Row[] = [
  ['eu_vat', 'FR40303265045', 'DE', no('This EU VAT number is for France, but the billing address is in Germany. A German VAT number is DE followed by 9 digits, e.g. DE136695976.')],
  ['eu_vat', 'EL094259216', 'CY', no('This EU VAT number is for Greece, but the billing address is in Cyprus. A Cypriot VAT number is CY followed by 8 digits and a letter, e.g. CY10259033P.')],
  ['eu_vat', 'GR094259216', 'GR', no('A Greek VAT number is EL (not GR) followed by 9 digits, e.g. EL094259216.')],
  ['eu_vat', 'XI980780684', 'GB', no('An XI VAT number is for Northern Ireland: the billing postcode starts with BT, e.g. BT1 5GS.'), 'SW1A 1AA'],
  ['eu_vat', 'XI980780684', 'IE', no('This EU VAT number is for United Kingdom, but the billing address is in Ireland. An Irish VAT number is IE followed by 7 digits and 1 or 2 letters, e.g. IE6433435F.')],
  ['eu_vat', 'DE136695976', 'US', no('An EU VAT number needs a billing address in an EU country (or Northern Ireland for XI), and the address is in United States of America. A US EIN is 9 digits, written 2-7, e.g. 91-1144442.')],
  ['eu_vat', 'DE136695976', 'CH', no('An EU VAT number needs a billing address in an EU country (or Northern Ireland for XI), and the address is in Switzerland. A Swiss VAT number is CHE, 9 digits and MWST, TVA or IVA, e.g. CHE-107.787.577 MWST.')],
  ['eu_vat', 'DE136695976', 'GB', no('This EU VAT number is for Germany, but the billing address is in United Kingdom. A UK VAT number is GB followed by 9 digits (12 for a branch), e.g. GB980780684.'), 'SW1A 1AA'],
  ['gb_vat', 'GB980780684', 'IE', no('This UK VAT number is for United Kingdom, but the billing address is in Ireland. An Irish VAT number is IE followed by 7 digits and 1 or 2 letters, e.g. IE6433435F.')],
  ['us_ein', '91-1144442', 'DE', no('This US EIN is for United States of America, but the billing address is in Germany. A German VAT number is DE followed by 9 digits, e.g. DE136695976.')],
  ['br_cnpj', '16.727.230/0001-97', 'PT', no('This Brazilian CNPJ is for Brazil, but the billing address is in Portugal. A Portuguese VAT number is PT followed by 9 digits, e.g. PT501964843.')],
  ['ch_vat', 'CHE-107.787.577 MWST', 'LI', no('This Swiss VAT number is for Switzerland, but the billing address is in Liechtenstein. Choose the tax ID type of the address country, or change the country.')],
]

const table = [...euValid, ...euChecksum, ...issueValues, ...otherValid, ...otherInvalid, ...countryMismatch]

describe('validateTaxId', () => {
  it('covers at least 60 tax IDs of at least 20 types, every EU prefix among them', () => {
    expect(table.length).toBeGreaterThanOrEqual(60)
    expect(new Set(table.map(([type]) => type)).size).toBeGreaterThanOrEqual(20)
    const prefixes = new Set(euValid.map(([, value]) => value.slice(0, 2).toUpperCase()))
    expect([...prefixes].sort()).toEqual(['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI'].sort())
  })

  it.each(table)('%s %s (address in %s)', (type, value, country, expected, postalCode = '') => {
    const result = validateTaxId(type, value, { country, postalCode })
    if ('value' in expected) {
      expect(result).toEqual({ ok: true, value: expected.value })
    } else {
      expect(result.ok).toBe(false)
      expect(result.ok ? '' : result.message).toContain(expected.message)
    }
  })

  it('names a format in every refusal: a shape and an example', () => {
    for (const [type, value, country, expected, postalCode = ''] of table) {
      if ('value' in expected) continue
      const result = validateTaxId(type, value, { country, postalCode })
      if (country === 'LI') continue // no type of Liechtenstein's is offered; the message says so instead
      expect(result.ok ? '' : result.message, `${type} ${value}`).toMatch(/(e\.g\.|written like) \S+/)
    }
  })
})

/**
 * Why `stdnum` and not `jsvat` (both installed, picked by this table): on every European VAT row
 * above they agree, except that jsvat refuses Northern Ireland's XI numbers; and jsvat has no
 * validator for any of the non-European types, which stdnum covers with the same API.
 */
describe('library choice: jsvat on the same European rows', () => {
  const european = [...euValid, ...euChecksum, ...otherValid, ...otherInvalid].filter(([type]) => ['eu_vat', 'gb_vat', 'ch_vat', 'no_vat'].includes(type))
  // jsvat wants the country prefix on every number; Norway's is NO.
  const asJsvat = (type: TaxIdType, value: string) => (type === 'no_vat' ? `NO${value.replace(/^NO\s*/, '')}` : type === 'gb_vat' && !value.startsWith('GB') ? `GB${value}` : value)

  it('agrees with the published validity of every row but XI', async () => {
    const { checkVAT, countries } = await import('jsvat')
    const disagreements = european
      .filter(([type, value, , expected]) => checkVAT(asJsvat(type, value), countries).isValid !== 'value' in expected)
      .map(([, value]) => value)
    expect(disagreements).toEqual(['XI 980 7806 84'])
  })
})
