import type { Access } from 'payload'

/** Nobody, staff included: audit rows are only ever inserted by the domain code (`recordAuditEntry`). */
export const nobody: Access = () => false
