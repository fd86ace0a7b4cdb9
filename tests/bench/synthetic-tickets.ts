import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { csvLine } from '../../src/tickets/csv/csv-writer'
import { seededRandom } from '../../src/tickets/classifier/seeded-random'

/**
 * Synthetic Zendesk CSV exports for the throughput bench: realistic column set, subject
 * lengths, first-message lengths (log-normal, median ≈ 420 characters) and vocabulary
 * (SaaS support phrasing, a tenth of bodies as HTML, a quarter with a quoted thread, most
 * with a greeting and a signature). Deterministic for a given seed.
 */
export const ZENDESK_HEADER = [
  'Id', 'Requester', 'Requester id', 'Requester email', 'Requester domain', 'Submitter', 'Assignee', 'Group', 'Subject', 'Description',
  'Tags', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at', 'Assigned at', 'Organization', 'Solved at',
  'Satisfaction Score', 'Reopens', 'Replies', 'First reply time in minutes', 'Full resolution time in minutes', 'Agent wait time in minutes',
]

const REQUESTS = [
  'I need to update the credit card we use for the subscription, the old one expires at the end of the month.',
  'Our last payment failed and the account now shows as past due. Can you tell me what happened?',
  'Please add our VAT number DE811907980 to all future invoices, our finance team needs it for the tax return.',
  'Where can I download the invoices for the last three months? I cannot find them in the dashboard.',
  'We were charged twice this month for the same workspace, please check the billing.',
  'We would like to upgrade from the Team plan to Business because we need SSO.',
  'Please cancel our subscription at the end of the current billing period.',
  'I would like a refund for the annual plan, we bought it by mistake instead of the monthly one.',
  'Can you invite two new colleagues to our workspace? Their emails are below.',
  'Please remove Mark from our account, he left the company last Friday.',
  'Can you make Laura an admin so she can manage billing while I am away?',
  'I forgot my password and the reset email never arrives, I checked the spam folder too.',
  'I lost my phone and can no longer log in because of two factor authentication.',
  'How do I change the email address I use to log in? We moved to a new domain.',
  'Where do I create a new API key for our reporting script? The old one was revoked.',
  'The export to CSV has been stuck on loading for an hour and the page shows an error.',
  'Our Salesforce integration stopped syncing contacts yesterday afternoon.',
  'It would be great if we could schedule reports to be emailed every Monday.',
  'Please export all of our data and then delete the account, we are closing the company.',
  'How much of our monthly quota have we used so far? We keep hitting the rate limit.',
  'Please stop sending me the weekly digest emails, I get too many notifications.',
  'Do you offer a discount for nonprofits, and can we pay by bank transfer?',
  'I am really disappointed with how long it took to get an answer last week.',
  'Quick question about the onboarding call we had, who should I contact next?',
]

const SUBJECTS = [
  'Update card', 'Payment failed', 'VAT number on invoices', 'Invoices', 'Charged twice', 'Upgrade plan', 'Cancel subscription',
  'Refund request', 'Add users', 'Remove user', 'Admin rights', 'Password reset not working', '2FA problem', 'Change login email',
  'API key', 'Export broken', 'Salesforce sync', 'Feature request: scheduled reports', 'Data deletion', 'Usage limits',
  'Too many emails', 'Pricing question', 'Complaint', 'Question',
]

const DETAILS = [
  'We have been using the product for about two years and the whole team depends on it for our weekly planning.',
  'I tried the help center articles first but could not find anything that matches our situation.',
  'This is a bit urgent because our month end close starts on Monday and finance is waiting for it.',
  'Our workspace is called Acme Marketing and the account owner is on parental leave at the moment.',
  'I attached a screenshot of what I see in the browser, it happens in both Chrome and Firefox.',
  'Let me know if you need anything else from our side, happy to jump on a call if that is easier.',
  'We are on the annual plan with 25 seats, billed in euros to our office in Berlin.',
  'My colleague already wrote about this last week but we never heard back.',
  'Thanks in advance for looking into it, we really appreciate the quick responses usually.',
]

const GREETINGS = ['Hi,', 'Hello team,', 'Hi there,', 'Good morning,', 'Dear support,', '']
const SIGNATURES = ['Best regards,\nAnna Schmidt\nHead of Operations, Acme GmbH', 'Thanks,\nTom', 'Cheers,\nPriya\n\nSent from my iPhone', 'Kind regards,\nJ. Novak', '']
const QUOTED_THREAD =
  '\n\nOn Tue, Mar 5, 2024 at 10:14 AM Support <support@example.com> wrote:\n> Thanks for reaching out! Your invoice is attached.\n> Let us know if there is anything else.\n> Best, the Support team'

const DAY_MS = 86_400_000

export interface SyntheticExportOptions {
  readonly path: string
  readonly tickets: number
  readonly seed?: number
  /** Creation dates are spread over this many days before `endDate`. */
  readonly spanDays?: number
  readonly endDate?: number
}

/** Streams `tickets` rows to `path` (with backpressure), so even a million rows never sit in memory. */
export async function writeSyntheticZendeskCsv(options: SyntheticExportOptions): Promise<number> {
  const random = seededRandom(options.seed ?? 7)
  const spanDays = options.spanDays ?? 90
  const endDate = options.endDate ?? Date.UTC(2024, 5, 30)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const stream = createWriteStream(options.path, { encoding: 'utf8' })
  let bytes = 0
  let chunk = csvLine(ZENDESK_HEADER)
  for (let id = 1; id <= options.tickets; id++) {
    const reason = Math.floor(random() ** 1.6 * REQUESTS.length)
    const targetLength = Math.min(4000, Math.round(420 * Math.exp(0.6 * gaussian())))
    let message = REQUESTS[reason]!
    while (message.length < targetLength) message += ` ${pick(DETAILS)}`
    const greeting = pick(GREETINGS)
    let body = `${greeting ? `${greeting}\n\n` : ''}${message}\n\n${pick(SIGNATURES)}`
    if (random() < 0.25) body += QUOTED_THREAD
    if (random() < 0.1) body = `<div><p>${body.replace(/\n\n/g, '</p><p>').replace(/\n/g, '<br>')}</p></div>`
    const created = endDate - Math.floor(random() * spanDays * DAY_MS)
    const solved = random() < 0.93 ? created + Math.round(3_600_000 * Math.exp(2.5 + 1.2 * gaussian())) : null
    chunk += csvLine([
      id, 'Customer ' + (id % 5000), 1_000_000 + (id % 5000), `customer${id % 5000}@example.com`, 'example.com', 'Customer', pick(['Sam Agent', 'Ria Agent', 'Lee Agent']),
      'Support', SUBJECTS[reason]!, body, pick(['billing', 'account', 'vip billing', 'web', '']), solved ? 'Solved' : 'Open', pick(['Normal', 'High', 'Low']),
      pick(['Mail', 'Web Widget', 'Web form']), 'Question', zendeskTime(created), zendeskTime(solved ?? created), zendeskTime(created + 600_000), 'Acme',
      solved ? zendeskTime(solved) : '', pick(['Good', 'Offered', '']), 0, 2, 45, solved ? Math.round((solved - created) / 60_000) : '', 30,
    ])
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk)
      if (!stream.write(chunk)) await once(stream, 'drain')
      chunk = ''
    }
  }
  bytes += Buffer.byteLength(chunk)
  stream.end(chunk)
  await once(stream, 'finish')
  return bytes
}

function zendeskTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').slice(0, 19)
}
