import { describe, expect, it } from 'vitest'
import { cleanTicketText, collapseWhitespace } from '../../../src/tickets/clean-text'
import { detectCsvFormat } from '../../../src/tickets/formats/detect-format'
import { FormatError } from '../../../src/tickets/formats/header-index'
import { parseColumnMap } from '../../../src/tickets/formats/mapped-csv'
import { resolutionHoursOf } from '../../../src/tickets/ticket'
import { fixture, readAll, utc } from '../../helpers/tickets'

describe('Zendesk CSV export', () => {
  it('reads multi-line quoted and HTML descriptions with exact line numbers', async () => {
    const result = await readAll(fixture('zendesk-tickets.csv'))
    expect(result.format).toBe('zendesk-csv')
    expect(result.tickets.map((t) => [t.id, t.line])).toEqual([
      ['10231', 2],
      ['10232', 12],
      ['10233', 14],
      ['10234', 17],
    ])
    const [card, vat, login, invoice] = result.tickets
    expect(card!.subject).toBe('Please update our credit card')
    expect(card!.body).toContain('Could you tell me where I update the payment method?\n\nThanks,')
    expect(card!.tags).toEqual(['billing', 'card_change'])
    expect(card!.createdAt).toBe(utc('2024-05-02T09:14:11'))
    expect(resolutionHoursOf(card!)).toBeCloseTo((15 * 60 + 40 - (9 * 60 + 14) - 11 / 60) / 60, 6)
    expect(vat!.body.startsWith('<div><p>Hello,</p>')).toBe(true)
    expect(login!.solvedAt).toBeNull()
    expect(invoice!.body).toBe('Could you send me a copy of last month\'s invoice, with the "PO 4471" reference?')
  })

  it('reports every malformed row with its line instead of dropping it', async () => {
    const { bad } = await readAll(fixture('zendesk-tickets.csv'))
    expect(bad).toEqual([
      { line: 13, reason: 'expected 41 fields, found 3' },
      { line: 18, reason: 'Created at: unreadable date "31/31/2024 99:00"' },
      { line: 19, reason: 'unterminated quoted field' },
    ])
  })

  it('cleans HTML, quoted replies and signatures before tagging', async () => {
    const { tickets } = await readAll(fixture('zendesk-tickets.csv'))
    const cleaned = tickets.map((t) => collapseWhitespace(cleanTicketText(t.body)))
    expect(cleaned[0]).toBe('Hi team, Our company card expired last week. Could you tell me where I update the payment method?')
    expect(cleaned[1]).toBe('Hello, The invoice for May is missing our VAT ID DE811907980 & our company name "Acme GmbH". Can you reissue it?')
    expect(cleaned[2]).toBe('I lost my phone and the 2FA code no longer works. Locked out since this morning.')
  })
})

describe('Zendesk JSON export', () => {
  it('reads one ticket per line, falling back to the first comment and metric_set', async () => {
    const result = await readAll(fixture('zendesk-tickets.ndjson'))
    expect(result.format).toBe('zendesk-json')
    expect(result.tickets.map((t) => t.id)).toEqual(['501', '502'])
    const [team, apiKey] = result.tickets
    expect(team!.statedResolutionHours).toBeCloseTo(386 / 60)
    expect(team!.solvedAt).toBe(utc('2024-05-02T15:40:00'))
    expect(team!.tags).toEqual(['team', 'add_user'])
    expect(apiKey!.body).toBe('We committed our API token to a public repo { by mistake }, please revoke it.')
    expect(result.bad).toEqual([
      { line: 3, reason: 'no created_at' },
      { line: 4, reason: expect.stringMatching(/^invalid JSON/) },
    ])
  })

  it('reads API pages wrapped in {"tickets": [...]}', async () => {
    const result = await readAll(fixture('zendesk-api-page.json'))
    expect(result.tickets.map((t) => [t.id, t.subject])).toEqual([
      ['501', 'Add two teammates'],
      ['505', 'Switch to annual billing'],
    ])
    expect(result.bad).toEqual([])
  })
})

describe('Intercom conversations export', () => {
  it('takes each conversation’s opening message and counts the other parts as skipped', async () => {
    const result = await readAll(fixture('intercom-conversations.csv'))
    expect(result.format).toBe('intercom-csv')
    expect(result.tickets.map((t) => t.id)).toEqual(['215001', '215002'])
    expect(result.tickets[1]!.body).toBe('We were charged twice this month.\nInvoice #88 and #89 are identical.\nPlease check.')
    expect(result.tickets[0]!.tags).toEqual(['account', 'email'])
    expect(resolutionHoursOf(result.tickets[0]!)).toBe(2)
    expect(result.skipped.map((s) => s.line)).toEqual([3, 4])
    expect(result.skipped[0]!.reason).toContain('"comment"')
    expect(result.bad).toEqual([{ line: 8, reason: 'expected 18 fields, found 3' }])
  })
})

describe('Help Scout conversations export', () => {
  it('reads CRLF files with a byte-order mark and reports rows without text', async () => {
    const result = await readAll(fixture('helpscout-conversations.csv'))
    expect(result.format).toBe('helpscout-csv')
    expect(result.tickets.map((t) => [t.id, t.tags])).toEqual([
      ['2290155', ['refund', 'billing']],
      ['2290156', ['gdpr']],
    ])
    expect(resolutionHoursOf(result.tickets[0]!)).toBe(24.5)
    expect(result.bad).toEqual([{ line: 4, reason: 'no subject or body text' }])
  })
})

describe('Freshdesk ticket export', () => {
  it('reads HTML descriptions, tracked time and resolution', async () => {
    const result = await readAll(fixture('freshdesk-tickets.csv'))
    expect(result.format).toBe('freshdesk-csv')
    const [admin, upgrade] = result.tickets
    expect(admin!.handleMinutes).toBe(25)
    expect(resolutionHoursOf(admin!)).toBe(4)
    expect(collapseWhitespace(cleanTicketText(admin!.body))).toBe('Please give Laura admin rights so she can manage billing.')
    expect(upgrade!.solvedAt).toBeNull()
    expect(result.bad).toEqual([{ line: 4, reason: 'Time tracked: unreadable duration "ninety minutes"' }])
  })
})

describe('Front messages export', () => {
  it('keeps inbound conversation starters and skips replies and follow-ups', async () => {
    const result = await readAll(fixture('front-messages.csv'))
    expect(result.format).toBe('front-csv')
    expect(result.tickets.map((t) => t.id)).toEqual(['cnv_9a1', 'cnv_9a2'])
    expect(result.tickets[0]!.handleMinutes).toBe(7)
    expect(resolutionHoursOf(result.tickets[0]!)).toBe(1)
    expect(result.tickets[1]!.body).toBe('Our Slack integration stopped posting\nnotifications since Monday.')
    expect(result.tickets[1]!.line).toBe(5)
    expect(result.skipped).toEqual([
      { line: 3, reason: "outbound message, not a customer's" },
      { line: 4, reason: 'follow-up message in an existing conversation' },
    ])
  })
})

describe('any CSV with --map', () => {
  it('reads the mapped columns', async () => {
    const columnMap = parseColumnMap('id=Ticket #,subject=Title,body=Text,created=Opened,solved=Closed,tags=Category')
    const result = await readAll(fixture('custom-export.csv'), { format: 'auto', columnMap })
    expect(result.format).toBe('mapped')
    expect(result.tickets.map((t) => [t.id, t.subject, t.tags, resolutionHoursOf(t)])).toEqual([
      ['C-1', 'Unsubscribe', ['marketing'], 1.5],
      ['C-2', 'Bug in charts', ['bug'], null],
    ])
  })

  it('rejects maps that miss required fields or name absent columns', async () => {
    expect(() => parseColumnMap('subject=Title,body=Text')).toThrow(FormatError)
    expect(() => parseColumnMap('id=Ticket #,created=Opened,subject=Title,colour=Red')).toThrow(/unknown field "colour"/)
    const columnMap = parseColumnMap('id=Ticket #,created=Opened,subject=Headline')
    await expect(readAll(fixture('custom-export.csv'), { format: 'auto', columnMap })).rejects.toThrow(/no column "Headline"/)
  })

  it('refuses an unknown header without --map, naming the columns it saw', async () => {
    await expect(readAll(fixture('custom-export.csv'))).rejects.toThrow(/unrecognized CSV header \("Ticket #", "Opened"/)
  })
})

describe('detectCsvFormat', () => {
  it('matches header signatures regardless of case, spacing and snake_case', () => {
    expect(detectCsvFormat(['ID', 'requester', 'SUBJECT', 'created_at', 'Solved  at'])?.id).toBe('zendesk-csv')
    expect(detectCsvFormat(['Conversation ID', 'Message body', 'Conversation created at'])?.id).toBe('intercom-csv')
    expect(detectCsvFormat(['Ticket ID', 'Subject', 'Created time', 'Resolved time'])?.id).toBe('freshdesk-csv')
    expect(detectCsvFormat(['Message ID', 'Conversation ID', 'Direction', 'Extract'])?.id).toBe('front-csv')
    expect(detectCsvFormat(['Conversation ID', 'Number', 'Mailbox', 'Created At'])?.id).toBe('helpscout-csv')
    expect(detectCsvFormat(['id', 'text', 'label'])).toBeNull()
  })
})
