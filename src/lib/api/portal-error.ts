/** Errors a portal route can answer with. The code decides the status; the message is for people. */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  /** A billing write for an organization whose billing is run by contract, not self-serve. */
  contract_managed: 403,
  not_found: 404,
  conflict: 409,
  invalid_request: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export class PortalError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'PortalError'
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}
