import type { ErrorCode } from './portal-error'

/** What every portal JSON route answers; client code reads it through `portalFetch`. */
export type PortalEnvelope<T> =
  | { success: true; data: T }
  | { success: false; error: { code: ErrorCode; message: string; fields?: Record<string, string> } }
