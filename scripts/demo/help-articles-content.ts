import type { HelpSection } from '../../src/help/help-sections'

export type DemoHelpArticle = { slug: string; title: string; section: HelpSection; order: number; keywords: string; routes: string[]; body: (string | string[])[] }

/**
 * The demo's help: a few short articles per section, each answering a ticket support gets often,
 * in plain English. Written for the demo product; staff replace them in /admin.
 */
export const demoHelpArticles: DemoHelpArticle[] = [
  // account
  { slug: 'change-your-sign-in-email', title: 'Change the email you sign in with', section: 'account', order: 1, keywords: 'new email, login, address, username', routes: ['/account'], body: [
    'Open Account and choose Change email. Type the new address and your current password.',
    'We send a link to the new address. Your sign-in email changes only when you open that link, so a typo can’t lock you out. The old address gets a notice that it changed.',
    'The link works once and expires after a day. If it expired, ask for a new one the same way.',
  ] },
  { slug: 'reset-a-forgotten-password', title: 'Reset a forgotten password', section: 'account', order: 2, keywords: 'forgot password, locked out, cannot sign in, login', routes: ['/account'], body: [
    'On the sign-in page choose Forgot password and enter your email. We email a reset link that works once.',
    'If no email arrives within a few minutes, check spam, then check that you typed the address you sign in with. For your safety we don’t say whether an address has an account.',
    'Several wrong passwords in a row slow sign-in down for a short while; they never lock the account.',
  ] },
  { slug: 'turn-on-two-factor-sign-in', title: 'Turn on two-factor sign-in', section: 'account', order: 3, keywords: '2fa, mfa, authenticator, totp, recovery codes, security', routes: ['/account', '/account/two-factor'], body: [
    'Open Account → Two-factor sign-in and scan the QR code with an authenticator app (1Password, Google Authenticator, Authy…). Type the six-digit code it shows to finish.',
    'Save the recovery codes somewhere safe. Each one signs you in once if you lose your phone.',
    'An owner can require two-factor for everyone in the organization; members without it are asked to set it up before they continue.',
  ] },
  { slug: 'sign-out-other-devices', title: 'Sign out a device you no longer use', section: 'account', order: 4, keywords: 'sessions, logged in elsewhere, lost laptop, security', routes: ['/account'], body: [
    'Account → Sessions lists every browser signed in to your account, with when it was last used.',
    'Choose Sign out next to any you don’t recognise. Changing your password also signs out every other session.',
  ] },
  // team
  { slug: 'invite-a-teammate', title: 'Add a teammate', section: 'team', order: 1, keywords: 'invite, add user, new member, seat', routes: ['/account/team'], body: [
    'Owners and admins can invite from Team. Paste one or more email addresses (one per line or separated by commas), pick a role and choose Send invitations.',
    'Each person gets an email with a link that works for seven days. Until they accept, they show as pending; you can resend or revoke the invitation there.',
    'You can’t invite someone to a role above your own.',
  ] },
  { slug: 'change-someones-role', title: 'Make someone an admin (or change any role)', section: 'team', order: 2, keywords: 'permissions, promote, admin rights, access level', routes: ['/account/team'], body: [
    'On Team, choose the person’s role and pick the new one. They are told by email and in the app.',
    ['Owner: everything, including transferring ownership.', 'Admin: team, billing and API keys.', 'Billing: billing details and invoices.', 'Member: uses the product and API keys.', 'Viewer: read-only.'],
    'You can change roles up to your own, never your own role, and never the owner’s (ownership moves by transfer).',
  ] },
  { slug: 'transfer-ownership', title: 'Hand over ownership of the organization', section: 'team', order: 3, keywords: 'new owner, leaving company, owner role', routes: ['/account/team'], body: [
    'Only the owner can do this. On Team choose Transfer ownership, pick the new owner and type the organization’s name to confirm.',
    'The new owner takes over straight away and you become an admin. There is always exactly one owner.',
  ] },
  { slug: 'remove-a-teammate', title: 'Remove someone who left', section: 'team', order: 4, keywords: 'delete user, offboarding, revoke access', routes: ['/account/team'], body: [
    'Owners and admins choose Remove next to the person on Team. They lose access at once; what they did stays in the activity log.',
    'Remember to revoke any API keys they created (API keys → Revoke).',
  ] },
  // billing
  { slug: 'change-the-card-on-file', title: 'Change the card on file', section: 'billing', order: 1, keywords: 'credit card, payment method, expired card, update card', routes: ['/account/billing'], body: [
    'Billing → Manage payment method opens our payment provider’s secure page. Add the new card and make it the default; you can remove the old one there too.',
    'The next invoice is charged to the new card. If a payment failed because the old card expired, we retry it on the new card automatically.',
    'Owners, admins and billing members can do this.',
  ] },
  { slug: 'update-company-name-or-vat-on-invoices', title: 'Fix the company name or address on invoices', section: 'billing', order: 2, keywords: 'invoice name, legal name, billing address, vat, company details', routes: ['/account/billing', '/account/invoices'], body: [
    'Billing → Company details holds the name, address and billing email printed on invoices. Save, and every invoice from now on uses them.',
    'Invoices already issued keep what they said when they were issued; that is the law in most countries. For a corrected copy of an old invoice, contact support.',
  ] },
  { slug: 'add-a-tax-id', title: 'Add a VAT number or other tax ID', section: 'billing', order: 3, keywords: 'vat id, gst, abn, tax exempt, reverse charge', routes: ['/account/billing'], body: [
    'In Billing → Tax IDs choose the type (for example EU VAT) and type the number. We check its format and check digits before saving.',
    'Some tax IDs are then verified with the tax authority; the status shows next to the number. Verified IDs appear on your invoices.',
  ] },
  { slug: 'why-a-payment-failed', title: 'Why a payment failed and what happens next', section: 'billing', order: 4, keywords: 'declined, failed charge, payment error, overdue', routes: ['/account/billing'], body: [
    'The usual reasons: the card expired, the bank declined it, or it needs an extra confirmation. The billing members get an email when it happens.',
    'Update the card (Billing → Manage payment method) and we retry automatically. Nothing is switched off while we retry.',
  ] },
  // usage
  { slug: 'why-was-i-charged-this-much', title: 'Why was I charged this much?', section: 'usage', order: 1, keywords: 'bill higher, overage, unexpected charge, metered, expensive', routes: ['/account/usage', '/account/invoices'], body: [
    'Part of your bill depends on usage. Usage shows the metered number per day for the last 30 days or per month for 12 months, split by what used it.',
    'A spike on one day usually means one integration ran far more than normal. Choose that day to see which endpoint or project it was.',
    'The numbers on Usage are the same ones finance bills from, so they match your invoice.',
  ] },
  { slug: 'read-the-usage-chart', title: 'Read the usage chart and forecast', section: 'usage', order: 2, keywords: 'graph, forecast, projection, this month', routes: ['/account/usage'], body: [
    'Bars are actual usage. The dashed line is a forecast for the rest of the month from your recent days, so you can see the likely bill before it arrives.',
    'Switch between 30 days and 12 months at the top; weekends are usually quieter.',
  ] },
  { slug: 'download-usage-as-csv', title: 'Download usage as a spreadsheet', section: 'usage', order: 3, keywords: 'export, csv, excel, report', routes: ['/account/usage'], body: [
    'Choose Download CSV on Usage. You get one row per day (or per event for short ranges) with the metric and what used it, ready for Excel or Sheets.',
  ] },
  // invoices
  { slug: 'download-last-quarters-invoices', title: 'Download last quarter’s invoices', section: 'invoices', order: 1, keywords: 'quarterly, accountant, zip, all invoices, bulk download', routes: ['/account/invoices'], body: [
    'On Invoices choose the Last quarter preset (or any dates), then Download all. You get one ZIP with every PDF and an invoices.csv listing them, ready for your accountant.',
    'Owners, admins and billing members can see invoices.',
  ] },
  { slug: 'download-a-single-invoice-pdf', title: 'Get one invoice as a PDF', section: 'invoices', order: 2, keywords: 'receipt, pdf, print invoice', routes: ['/account/invoices'], body: [
    'Choose PDF next to the invoice on Invoices. Filter by status (paid, open) or date to find it faster.',
  ] },
  { slug: 'pay-an-invoice-by-bank-transfer', title: 'Paid by bank transfer? Tell us here', section: 'invoices', order: 3, keywords: 'wire, bank transfer, cheque, offline payment, remittance', routes: ['/account/invoices'], body: [
    'If you paid an open invoice by transfer or cheque, record it on the invoice with the date and reference. Our team matches it and marks the invoice paid, usually within two working days.',
  ] },
  // api-keys
  { slug: 'what-api-keys-are-for', title: 'What API keys are for', section: 'api-keys', order: 1, keywords: 'token, secret, integration, developer, authentication', routes: ['/account/api-keys'], body: [
    'An API key lets your own code or a tool talk to the product on your organization’s behalf — no person signs in. Give each integration its own key so you can revoke one without breaking the others.',
    ['Keys starting pk_test_ are for testing; pk_live_ keys act on real data.', 'A key only has the scopes you pick (for example usage:read).', 'We show a key once, when it is created. Store it in a secret manager; we keep only a fingerprint.'],
    'Owners and admins create and revoke keys; members can see them.',
  ] },
  { slug: 'create-an-api-key', title: 'Create an API key', section: 'api-keys', order: 2, keywords: 'new key, generate token', routes: ['/account/api-keys'], body: [
    'On API keys choose Create key, name it after what will use it, pick test or live, choose scopes and, if you like, an expiry date.',
    'Copy the key when it is shown — it is shown only once. If you lose it, create a new one and revoke the old.',
  ] },
  { slug: 'revoke-a-leaked-key', title: 'A key leaked: revoke it now', section: 'api-keys', order: 3, keywords: 'compromised, exposed, github, security incident, delete key', routes: ['/account/api-keys'], body: [
    'Choose Revoke next to the key. It stops working everywhere within a second.',
    'Then create a replacement and deploy it. The activity log shows who revoked it and when.',
  ] },
  { slug: 'rotate-a-key-without-downtime', title: 'Replace a key without downtime', section: 'api-keys', order: 4, keywords: 'rotate, rotation, renew, expiring key', routes: ['/account/api-keys'], body: [
    'Choose Rotate. You get a new key and can keep the old one working for a while (an hour, a day) so you can deploy the new one first.',
    'Keys about to expire are flagged here and the owners and admins get a reminder.',
  ] },
  // notifications
  { slug: 'choose-which-emails-you-get', title: 'Choose which emails you get', section: 'notifications', order: 1, keywords: 'unsubscribe, too many emails, preferences, alerts', routes: ['/account/notifications'], body: [
    'Notifications lists every kind of event you can be told about, with an email and an in-app switch for each. Turn off what you don’t need; it takes effect at once.',
    'Security notices about your own account (email or password changed) are always sent.',
  ] },
  { slug: 'why-wasnt-i-told-my-role-changed', title: 'Why wasn’t I told about a change?', section: 'notifications', order: 2, keywords: 'no email, missing notification, role changed, not notified', routes: ['/account/notifications'], body: [
    'Check Notifications: the event may be switched off for email but still in your in-app inbox (the bell at the top).',
    'Some events go only to owners and admins. If an email should have arrived, check spam, then ask support with the time it happened.',
  ] },
  { slug: 'use-the-in-app-inbox', title: 'The in-app inbox', section: 'notifications', order: 3, keywords: 'bell, unread, messages, inbox', routes: ['/account/notifications'], body: [
    'The bell at the top shows unread notices. Open it to read them; mark them read one by one or all at once.',
  ] },
  // general
  { slug: 'who-can-do-what', title: 'Who can do what: roles explained', section: 'general', order: 1, keywords: 'roles, permissions, access denied, cannot see, forbidden', routes: [], body: [
    'What you see depends on your role in the organization. If a page or button is missing, your role doesn’t include it.',
    ['Owner and admin: team, billing, API keys, activity.', 'Billing: billing details and invoices.', 'Member: usage and API keys (read).', 'Viewer: read-only.'],
    'Ask an owner or admin to change your role (Team).',
  ] },
  { slug: 'what-support-still-handles', title: 'What still needs our support team', section: 'general', order: 2, keywords: 'refund, contract, delete account, contact support, human', routes: [], body: [
    'Most changes you can make here yourself. A few need a person: refunds and disputed charges, contract terms and custom pricing, deleting the organization and its data, and bug reports.',
    'Use “Still need help?” at the bottom of this panel to reach us; it goes to the right team.',
  ] },
  { slug: 'switch-between-organizations', title: 'Switch between organizations', section: 'general', order: 3, keywords: 'multiple companies, workspace, account switcher', routes: [], body: [
    'If you belong to more than one organization, pick one in the switcher at the top. Every page then shows that organization, and your role there.',
  ] },
]
