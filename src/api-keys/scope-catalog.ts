/**
 * Every scope an API key can carry, and the presets the create form offers. This is the one file
 * to edit when the product grows an API: the routes, the form and the verifier all read it. Their
 * names are in the message catalog (`api-keys.scope.<id>`, `api-keys.preset.<id>`), in every
 * language; a unit test fails when one is missing.
 */
export const API_KEY_SCOPE_IDS = ['usage:read', 'usage:write', 'invoices:read', 'team:read', 'webhooks:manage'] as const

export type ApiKeyScope = (typeof API_KEY_SCOPE_IDS)[number]

export const isApiKeyScope = (value: unknown): value is ApiKeyScope => typeof value === 'string' && (API_KEY_SCOPE_IDS as readonly string[]).includes(value)

export const API_KEY_SCOPE_PRESETS = {
  'read-only': { scopes: API_KEY_SCOPE_IDS.filter((scope) => scope.endsWith(':read')) },
  metering: { scopes: ['usage:write'] },
  'full-access': { scopes: API_KEY_SCOPE_IDS },
} as const satisfies Record<string, { scopes: readonly ApiKeyScope[] }>

export const API_KEY_ENVIRONMENTS = ['live', 'test'] as const
export type ApiKeyEnvironment = (typeof API_KEY_ENVIRONMENTS)[number]
