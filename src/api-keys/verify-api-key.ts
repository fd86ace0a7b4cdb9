import { payloadInstance } from '../lib/payload'
import { type ApiKeyVerification, type ApiKeyVerifier, createApiKeyVerifier } from './api-key-verifier'
import { flushUsageOnShutdown } from './flush-usage-on-shutdown'

const VERIFIER = Symbol.for('portico.apiKeyVerifier')
type Holder = { [VERIFIER]?: Promise<ApiKeyVerifier> }

/**
 * This process's verifier, shared by every caller (kept on globalThis: Next may load a module
 * twice). Its last-use records are written on shutdown too, so a deploy loses none of them.
 */
export function sharedApiKeyVerifier(): Promise<ApiKeyVerifier> {
  const holder = globalThis as Holder
  holder[VERIFIER] ??= payloadInstance().then((payload) => {
    const verifier = createApiKeyVerifier(payload)
    flushUsageOnShutdown(verifier)
    return verifier
  })
  return holder[VERIFIER]
}

/**
 * The product's check on every request: is this a live key, and does it carry `requiredScopes`?
 * `{ valid, organizationId, keyId, scopes, environment }` or `{ valid: false, reason }`.
 * `ip` is the product's caller, recorded as the key's last-used address.
 */
export async function verifyApiKey(secret: unknown, requiredScopes?: readonly string[], context?: { ip?: string | null }): Promise<ApiKeyVerification> {
  return (await sharedApiKeyVerifier()).verify(secret, requiredScopes, context)
}
