import { describe, expect, it } from 'vitest'
import { cleanTicketText, collapseWhitespace } from '../../../src/tickets/clean-text'

const clean = (raw: string): string => collapseWhitespace(cleanTicketText(raw))

describe('cleanTicketText', () => {
  it('turns HTML into text, decoding entities and dropping styles and comments', () => {
    expect(clean('<html><head><style>p{color:red}</style></head><body><!-- x --><p>Card&nbsp;update &amp; VAT&#39;s &#x263A;</p><br>next</body></html>')).toBe(
      "Card update & VAT's ☺ next",
    )
  })

  it('cuts Gmail/Apple, Outlook and localized reply headers', () => {
    expect(clean('Need a refund.\n\nOn Mon, 3 Jun 2024 at 09:12, Support <s@x.com>\nwrote:\n> old text')).toBe('Need a refund.')
    expect(clean('Need a refund.\n-----Original Message-----\nFrom: Support\nSent: Monday\nold')).toBe('Need a refund.')
    expect(clean('Need a refund.\nFrom: Support <s@x.com>\nSent: Monday, June 3\nSubject: Re: invoice')).toBe('Need a refund.')
    expect(clean('Besoin d’un remboursement.\nLe lun. 3 juin 2024, Support a écrit :\n> ancien')).toBe('Besoin d’un remboursement.')
    expect(clean('<p>Need a refund.</p><div class="gmail_quote">On Mon Support wrote: invoice password</div>')).toBe('Need a refund.')
  })

  it('drops interleaved quoted lines', () => {
    expect(clean('> you said invoices\nI asked about my password\n> more')).toBe('I asked about my password')
  })

  it('cuts signatures: the -- delimiter, mobile footers and a closing sign-off', () => {
    expect(clean('Please reset my 2FA.\n-- \nJane | Acme | invoices@acme.com')).toBe('Please reset my 2FA.')
    expect(clean('Please reset my 2FA.\n\nSent from my iPhone')).toBe('Please reset my 2FA.')
    expect(clean('Please reset my 2FA.\n\nBest regards,\nJane Doe\nHead of Billing\nAcme GmbH')).toBe('Please reset my 2FA.')
  })

  it('keeps a sign-off word that is part of the message', () => {
    expect(clean('Thanks, but the invoice is still wrong.\nCan you fix it?')).toBe('Thanks, but the invoice is still wrong. Can you fix it?')
    const longTail = `Thanks!\n${Array.from({ length: 8 }, (_, i) => `detail line ${i}`).join('\n')}`
    expect(clean(`Hello\n${longTail}`)).toContain('detail line 7')
  })
})
