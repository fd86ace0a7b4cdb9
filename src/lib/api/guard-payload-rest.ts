import { parseRecordId } from './record-id'
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './unstorable-text'

type RestHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/**
 * Second path segments that are Payload endpoints, not document ids: its collection, auth and
 * upload endpoints (payload/dist/{collections,auth,uploads}/endpoints) — `/api/users/me`,
 * `/api/ticket-audits/file/<name>`, … — and our own collection endpoints that name no document
 * (`/api/notification-deliveries/retry-failed`, `/api/staff/two-factor/verify`).
 */
const COLLECTION_ENDPOINTS = new Set(['count', 'access', 'versions', 'me', 'login', 'logout', 'refresh-token', 'init', 'first-register', 'forgot-password', 'reset-password', 'unlock', 'verify', 'file', 'paste-url', 'retry-failed', 'two-factor'])

const refuse = (status: 400 | 404, message: string, field?: string) =>
  Response.json({ errors: [{ message, ...(field ? { data: { errors: [{ path: field, message }] } } : {}) }] }, { status })

const isPageNumber = (value: string) => /^\d{1,9}$/.test(value)

/**
 * Input Payload would pass on to PostgreSQL and fail on with a 500: a document id that isn't one
 * (`abc`, `1.5`, past 2³¹−1), a negative page or limit, a `near` query on collections with no
 * point fields, text PostgreSQL can't store. Answered here as Payload answers bad input, 4xx with
 * `errors`, before anything is read or written.
 */
async function problemOf(request: Request, slug: string[]): Promise<Response | null> {
  const [collection, id] = slug
  if (collection && collection !== 'globals' && !collection.startsWith('payload-') && id !== undefined && !COLLECTION_ENDPOINTS.has(id) && parseRecordId(id) === null) {
    return refuse(404, 'The requested resource was not found.')
  }
  const url = new URL(request.url)
  for (const key of ['page', 'limit', 'depth']) {
    const value = url.searchParams.get(key)
    if (value !== null && !isPageNumber(value)) return refuse(400, `${key} must be a whole number of 0 or more.`, key)
  }
  for (const key of url.searchParams.keys()) {
    if (/\[near\]/.test(key)) return refuse(400, 'The near operator needs a point field; these collections have none.', key)
  }
  if (findUnstorableText([...url.searchParams.entries()])) return refuse(400, UNSTORABLE_TEXT_MESSAGE)
  if ((request.headers.get('content-type') ?? '').includes('application/json')) {
    const text = await request.clone().text()
    if (text) {
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        return refuse(400, 'The request body is not valid JSON.')
      }
      const field = findUnstorableText(body)
      if (field) return refuse(400, UNSTORABLE_TEXT_MESSAGE, field)
    }
  }
  return null
}

/**
 * Payload answers a path it has no route for (`GET /api/payload-migrations`) with 501 "Cannot GET":
 * for a client that is simply not found, never a server error. A throttled login
 * (src/hooks/throttle-login.ts) carries its wait in the error's data; HTTP says it in Retry-After.
 */
async function answerAsClientError(response: Response): Promise<Response> {
  if (response.status === 501) return refuse(404, 'The requested resource was not found.')
  if (response.status !== 429) return response
  const body = (await response.clone().json().catch(() => null)) as { errors?: Array<{ data?: { retryAfter?: unknown } }> } | null
  const retryAfter = body?.errors?.[0]?.data?.retryAfter
  if (typeof retryAfter !== 'number') return response
  const headers = new Headers(response.headers)
  headers.set('Retry-After', String(retryAfter))
  return new Response(response.body, { status: 429, headers })
}

/** Wraps one of Payload's REST route handlers (src/app/(payload)/api/[...slug]). */
export const guardPayloadRest =
  (handler: RestHandler): RestHandler =>
  async (request, args) =>
    (await problemOf(request, (await args.params).slug ?? [])) ?? answerAsClientError(await handler(request, args))

/** Payload's GraphQL handler answers a body that isn't JSON with a 500; this answers 400. */
export const guardPayloadGraphql =
  (handler: (request: Request) => Promise<Response>) =>
  async (request: Request): Promise<Response> => {
    const text = await request.clone().text()
    try {
      const body: unknown = JSON.parse(text)
      const field = findUnstorableText(body)
      if (field) return refuse(400, UNSTORABLE_TEXT_MESSAGE, field)
    } catch {
      return refuse(400, 'The request body is not valid JSON.')
    }
    return handler(request)
  }
