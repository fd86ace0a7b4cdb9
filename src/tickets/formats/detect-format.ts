import type { CsvFormat } from './csv-format'
import { freshdeskCsv } from './freshdesk-csv'
import { frontCsv } from './front-csv'
import { HeaderIndex } from './header-index'
import { helpScoutCsv } from './helpscout-csv'
import { intercomCsv } from './intercom-csv'
import { zendeskCsv } from './zendesk-csv'

export const CSV_FORMATS: readonly CsvFormat[] = [zendeskCsv, intercomCsv, helpScoutCsv, freshdeskCsv, frontCsv]

export const ZENDESK_JSON_ID = 'zendesk-json'
export const FORMAT_IDS = ['auto', ...CSV_FORMATS.map((format) => format.id), ZENDESK_JSON_ID] as const

/**
 * The CSV format whose header signature is fully present; when several match, the one
 * with the longest signature (the most specific) wins.
 */
export function detectCsvFormat(header: readonly string[]): CsvFormat | null {
  const index = new HeaderIndex(header)
  const matches = CSV_FORMATS.filter((format) => format.signature.every((name) => index.has(name)))
  matches.sort((a, b) => b.signature.length - a.signature.length)
  return matches[0] ?? null
}

/** JSON exports start with an object or an array; CSV headers never do. */
export function looksLikeJson(firstChunk: string): boolean {
  const start = firstChunk.replace(/^\uFEFF/, '').trimStart()
  return start.startsWith('{') || start.startsWith('[')
}
