import { describe, expect, it } from 'vitest'

import { REDACTED, redactSecrets } from '../../src/audit/redact-secrets'

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
