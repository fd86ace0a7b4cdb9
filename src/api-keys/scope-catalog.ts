/**
 * Every scope an API key can carry, and the presets the create form offers. This is the one file
 * to edit when the product grows an API: the routes, the form and the verifier all read it.
 */
export const API_KEY_SCOPES = {
  'usage:read': 'Read usage',
  'usage:write': 'Report usage (metering events)',
  'invoices:read': 'Read invoices',
  'team:read': 'Read the team',
  'webhooks:manage': 'Manage webhooks',
} as const

export type ApiKeyScope = keyof typeof API_KEY_SCOPES

export const API_KEY_SCOPE_IDS = Object.keys(API_KEY_SCOPES) as ApiKeyScope[]

export const isApiKeyScope = (value: unknown): value is ApiKeyScope => typeof value === 'string' && value in API_KEY_SCOPES

export const API_KEY_SCOPE_PRESETS = {
  'read-only': { label: 'Read only', scopes: API_KEY_SCOPE_IDS.filter((scope) => scope.endsWith(':read')) },
  metering: { label: 'Metering', scopes: ['usage:write'] },
  'full-access': { label: 'Full access', scopes: API_KEY_SCOPE_IDS },
} as const satisfies Record<string, { label: string; scopes: readonly ApiKeyScope[] }>

export const API_KEY_ENVIRONMENTS = ['live', 'test'] as const
export type ApiKeyEnvironment = (typeof API_KEY_ENVIRONMENTS)[number]
