/**
 * Errors in Stripe's wire shape: `{ error: { type, code, message, param } }` with the status Stripe
 * uses for that type, so the SDK turns them into its own typed errors (StripeInvalidRequestError…).
 */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'authentication_error' | 'api_error'

export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }

  toJSON() {
    return { error: { type: this.type, code: this.code, message: this.message, param: this.param, ...this.extra } }
  }
}

export function invalidRequest(message: string, param?: string, code = 'parameter_invalid'): StripeError {
  return new StripeError(400, 'invalid_request_error', message, code, param)
}

export function missingParam(param: string): StripeError {
  return new StripeError(400, 'invalid_request_error', `Missing required param: ${param}.`, 'parameter_missing', param)
}

export function unknownParam(param: string): StripeError {
  return new StripeError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, 'parameter_unknown', param)
}

export function resourceMissing(objectName: string, id: string, param = 'id'): StripeError {
  return new StripeError(404, 'invalid_request_error', `No such ${objectName}: '${id}'`, 'resource_missing', param)
}

export function cardDeclined(declineCode: string, message: string): StripeError {
  return new StripeError(402, 'card_error', message, 'card_declined', undefined, { decline_code: declineCode })
}
