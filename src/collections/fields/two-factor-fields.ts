import type { Field } from 'payload'

import { nobody } from '../../access/nobody'
import { staffOnlyField } from '../../access/staff-only-field'

/** Written only by the account domain (overrideAccess); never readable through any API or the admin. */
export const secretField = (field: Field): Field => ({ ...field, hidden: true, access: { read: nobody, create: nobody, update: nobody } } as Field)

/**
 * The second factor of an auth collection (customers and staff alike), as src/account/two-factor
 * reads and writes it: the enrolment date staff can clear, the sealed secret, hashed recovery
 * codes and the attempt limiter's counters.
 */
export const twoFactorFields = (description: string): Field[] => [
  { name: 'twoFactorEnabledAt', type: 'date', access: { create: nobody, update: staffOnlyField }, admin: { description } },
  // Sealed with AES-256-GCM (src/lib/secret-box.ts). Named `…Secret`/`…Token` so the
  // audit trail's redaction catches them should a staff edit in /admin record the document.
  secretField({ name: 'totpSecret', type: 'text' }),
  secretField({ name: 'totpLastUsedStep', type: 'number' }),
  secretField({ name: 'recoveryCodes', type: 'array', fields: [{ name: 'hash', type: 'text', required: true }, { name: 'usedAt', type: 'date' }] }),
  // The second-factor limiter (src/account/two-factor/code-attempts.ts).
  secretField({ name: 'twoFactorFailures', type: 'number', defaultValue: 0 }),
  secretField({ name: 'twoFactorLockouts', type: 'number', defaultValue: 0 }),
  secretField({ name: 'twoFactorLockedUntil', type: 'date' }),
]
