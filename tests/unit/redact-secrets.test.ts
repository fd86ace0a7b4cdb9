import { describe, expect, it } from 'vitest'

import { REDACTED, redactSecrets } from '../../src/audit/redact-secrets'
import { redactQueryParams } from '../../src/lib/redact-log'

describe('redactSecrets', () => {
  it('replaces secret-ish values at any depth, whatever the key’s case or separator', () => {
    const input = {
      email: 'a@example.test',
      password: 'hunter2',
      nested: { reset_password_token: 't', apiKey: 'sk_live', list: [{ totpSecret: 's', name: 'kept' }] },
      hash: 'h',
      salt: 's',
      recoveryCodes: ['1', '2'],
      sessions: [{ id: 'x' }],
    }
    expect(redactSecrets(input)).toEqual({
      email: 'a@example.test',
      password: REDACTED,
      nested: { reset_password_token: REDACTED, apiKey: REDACTED, list: [{ totpSecret: REDACTED, name: 'kept' }] },
      hash: REDACTED,
      salt: REDACTED,
      recoveryCodes: REDACTED,
      sessions: REDACTED,
    })
  })

  it('keeps look-alike keys that are not secrets, and leaves the input untouched', () => {
    const input = { apiKeyPrefix: 'pk_12', tokenCount: 3, role: 'admin' }
    expect(redactSecrets(input)).toEqual(input)
    const secret = { password: 'x' }
    redactSecrets(secret)
    expect(secret.password).toBe('x')
  })
})

describe('redactQueryParams (log lines)', () => {
  it('keeps the SQL of a failed query and drops its values', () => {
    expect(redactQueryParams('Failed query: update "users" set "hash" = $1 where "id" = $2\nparams: pbkdf2-secret,7')).toBe('Failed query: update "users" set "hash" = $1 where "id" = $2\nparams: [redacted]')
  })

  it('drops the values PostgreSQL quotes in its own details', () => {
    expect(redactQueryParams('Failing row contains (8, Ada, pbkdf2-secret).')).toBe('Failing row contains [redacted]')
    expect(redactQueryParams('Key (token_hash)=(abc123) already exists.')).toBe('Key (token_hash)=[redacted] already exists.')
  })

  it('leaves other text alone', () => {
    expect(redactQueryParams('delivery failed; will retry')).toBe('delivery failed; will retry')
  })
})
