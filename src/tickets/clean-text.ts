/**
 * Reduces a ticket's first message to what the customer wrote: HTML to text, then the
 * quoted thread and the signature cut off, because both carry words from *other*
 * conversations ("invoice", "password" in a footer) that would mislead the tagger.
 * Line breaks and spacing are kept (see `collapseWhitespace` for display).
 */
export function cleanTicketText(raw: string): string {
  const isHtml = raw.indexOf('<') !== -1 && HTML_TAG.test(raw)
  const limit = isHtml ? MAX_RAW_HTML_CHARS : MAX_RAW_TEXT_CHARS
  let text = raw.length > limit ? raw.slice(0, limit) : raw
  if (isHtml) text = htmlToText(text)
  if (text.indexOf('&') !== -1) text = decodeEntities(text)
  if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n')
  text = cutQuotedThread(text)
  if (text.indexOf('\n>') !== -1 || text.startsWith('>')) text = text.replace(QUOTED_LINE, '')
  text = cutAt(text, SIGNATURE_START)
  text = cutValediction(text)
  // Whitespace is left as is: the featurizer splits on it anyway, and collapsing it cost
  // more than all the other cleaning steps together (6 µs of 11 on a 600-character body).
  return text.trim()
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Only a message's opening is tagged (FeatureConfig.maxChars) and shown, so cleaning
 * stops well past it; HTML gets a wide margin for markup and style blocks.
 */
const MAX_RAW_TEXT_CHARS = 1500
const MAX_RAW_HTML_CHARS = 8000

const HTML_TAG = /<\/?[a-z][^>]*>/i

/** Mail clients wrap the quoted thread in these; everything after is history. */
const HTML_QUOTE_CONTAINER =
  /<blockquote|<div[^>]*(?:class="[^"]*(?:gmail_quote|yahoo_quoted|moz-cite-prefix)|id="(?:divRplyFwdMsg|appendonsend))/i
const HTML_INVISIBLE = /<(style|script|head|title)\b[^>]*>[\s\S]*?<\/\1>/gi
const HTML_BLOCK_BREAK = /<(?:br|\/p|p|\/div|\/li|li|\/tr|\/h[1-6]|hr)\b[^>]*>/gi
const HTML_ANY_TAG = /<[^>]*>/g
const HTML_COMMENT = /<!--[\s\S]*?-->/g

function htmlToText(html: string): string {
  const quote = HTML_QUOTE_CONTAINER.exec(html)
  const own = quote ? html.slice(0, quote.index) : html
  return own.replace(HTML_COMMENT, '').replace(HTML_INVISIBLE, ' ').replace(HTML_BLOCK_BREAK, '\n').replace(HTML_ANY_TAG, '')
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6}|#39);/gi, (entity, name: string) => {
    const lower = name.toLowerCase()
    if (lower in NAMED_ENTITIES) return NAMED_ENTITIES[lower]!
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), entity)
    if (lower.startsWith('#')) return safeCodePoint(Number(lower.slice(1)), entity)
    return entity
  })
}

function safeCodePoint(codePoint: number, fallback: string): string {
  return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : fallback
}

/**
 * Reply headers of common mail clients (Gmail/Apple "On … wrote:", possibly wrapped over
 * two lines; Outlook's "-----Original Message-----" and "From: … Sent:" blocks; French,
 * German and Spanish variants). The earliest one starts the quoted thread. Each regex is
 * anchored per line and costs ~0.7 µs on a 600-character body, so it only runs when
 * its literal hint occurs (one combined regex measured 4.5 µs on every ticket).
 */
const REPLY_HEADERS: readonly { hint: string; header: RegExp }[] = [
  { hint: 'wrote:', header: /^[ \t]*On\b[^\n]{0,200}(?:\n[^\n]{0,120})?\bwrote:[ \t]*$/im },
  { hint: 'Original Message', header: /^[ \t]*-{2,}[ \t]*Original Message[ \t]*-{2,}/im },
  { hint: 'Forwarded message', header: /^[ \t]*-{2,}[ \t]*Forwarded message[ \t]*-{2,}/im },
  { hint: '__________', header: /^[ \t]*_{10,}[ \t]*$/m },
  { hint: 'From:', header: /^[ \t]*From:[^\n]*\n[ \t]*(?:Sent|Date):/im },
  { hint: 'écrit', header: /^[ \t]*Le\b[^\n]{0,200}a écrit ?:/im },
  { hint: 'schrieb', header: /^[ \t]*Am\b[^\n]{0,200}schrieb[^\n]{0,120}:/im },
  { hint: 'escribió', header: /^[ \t]*El\b[^\n]{0,200}escribió:/im },
]

function cutQuotedThread(text: string): string {
  let cut = text.length
  for (const { hint, header } of REPLY_HEADERS) {
    if (text.indexOf(hint) === -1) continue
    const match = header.exec(text)
    if (match && match.index < cut) cut = match.index
  }
  return cut === text.length ? text : text.slice(0, cut)
}

const QUOTED_LINE = /^[ \t]*>[^\n]*(?:\n|$)/gm

/** The RFC 3676 "-- " delimiter and mobile mail footers start a signature. */
const SIGNATURE_START = /^(?:-- ?$|Sent from my \w|Sent from (?:Mail|Outlook|Yahoo)|Get Outlook for )/im

/**
 * A sign-off alone on its line near the end ("Best regards,", "Thanks!") starts the
 * signature block; in the middle of a message it is left alone ("Thanks, but …" isn't one).
 */
const VALEDICTION =
  /^[ \t]*(?:(?:best|kind|warm|warmest)(?: regards| wishes)?|regards|thanks(?: again| so much)?|thank you(?: so much)?|many thanks|cheers|sincerely|yours(?: truly| sincerely)?|br)[ \t]*[,.!]*[ \t]*$/gim
const MAX_SIGNATURE_LINES = 6
/** A signature block is short; only the message's tail is searched for its sign-off. */
const SIGNATURE_TAIL_CHARS = 600

function cutValediction(text: string): string {
  const tailStart = Math.max(0, text.length - SIGNATURE_TAIL_CHARS)
  let cutIndex = -1
  for (const match of text.slice(tailStart).matchAll(VALEDICTION)) cutIndex = tailStart + match.index
  if (cutIndex <= 0) return text
  const linesAfter = text.slice(cutIndex).split('\n').length - 1
  return linesAfter <= MAX_SIGNATURE_LINES ? text.slice(0, cutIndex) : text
}

function cutAt(text: string, start: RegExp): string {
  const match = start.exec(text)
  return match ? text.slice(0, match.index) : text
}
