import { randomBytes } from 'node:crypto'

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function base62(value: number, width: number): string {
  let out = ''
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = alphabet[rest % 62] + out
  return out.padStart(width, '0')
}

function randomChars(length: number): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % 62]).join('')
}

/**
 * Stripe-looking ids (`cus_…`, `evt_…`) that sort in creation order: a fixed-width sequence
 * number, then random characters so ids from two emulator runs never collide.
 */
export function stripeId(prefix: string, sequence: number): string {
  return `${prefix}_${base62(sequence, 6)}${randomChars(8)}`
}

export function randomToken(length: number): string {
  return randomChars(length)
}
