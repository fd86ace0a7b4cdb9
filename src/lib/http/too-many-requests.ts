import type { RateLimited } from '../rate-limit/rate-limit'

const escape = (value: string) => value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)

/** The 429 a form POST answers with once its limit is used up: Retry-After, the message, and a way back. */
export function tooManyRequests(error: RateLimited, back: string): Response {
  const body = `<!doctype html><meta charset="utf-8"><title>Too many attempts</title><p role="alert">${escape(error.message)}</p><p><a href="${escape(back)}">Back</a></p>`
  return new Response(body, { status: 429, headers: { 'Retry-After': String(error.retryAfter), 'Content-Type': 'text/html; charset=utf-8' } })
}
