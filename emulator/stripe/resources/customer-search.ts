import type { EmulatorContext } from '../context'
import type { Params } from '../params'
import { invalidRequest } from '../stripe-error'
import type { StripeObject } from '../store'

type Clause = { field: string; metadataKey: string | null; operator: ':' | '~'; value: string }

/**
 * Stripe's Search Query Language, the part the portal uses to find a customer by its
 * organization: `email:'a@b.test'`, `name~'Demo'`, `metadata['organizationId']:'42'`, joined by
 * all-AND or all-OR. Results are immediately consistent here (Stripe's lag up to a minute).
 */
export function searchCustomers(context: EmulatorContext, params: Params) {
  const query = params.requiredString('query')
  const limit = params.int('limit') ?? 10
  const { clauses, joiner } = parseQuery(query)
  const matches = (customer: StripeObject) => {
    const results = clauses.map((clause) => matchClause(customer, clause))
    return joiner === 'OR' ? results.some(Boolean) : results.every(Boolean)
  }
  const data = context.store.list('customer', (customer) => customer.deleted !== true && matches(customer))
  return { object: 'search_result', data: data.slice(0, limit), has_more: data.length > limit, next_page: null, url: '/v1/customers/search' } as unknown as StripeObject
}

function parseQuery(query: string): { clauses: Clause[]; joiner: 'AND' | 'OR' } {
  const joiner = / OR /.test(query) ? 'OR' : 'AND'
  if (/ AND /.test(query) && joiner === 'OR') throw invalidRequest('Search queries cannot mix AND and OR.', 'query')
  const clauses = query.split(joiner === 'OR' ? / OR / : / AND /).map((part) => {
    const match = /^\s*(\w+)(?:\[['"]([^'"]+)['"]\])?\s*([:~])\s*['"](.*)['"]\s*$/.exec(part)
    if (!match) throw invalidRequest(`Invalid search query: ${part.trim()}`, 'query')
    return { field: match[1] ?? '', metadataKey: match[2] ?? null, operator: match[3] as ':' | '~', value: match[4] ?? '' }
  })
  return { clauses, joiner }
}

function matchClause(customer: StripeObject, clause: Clause): boolean {
  const actual = clause.field === 'metadata' && clause.metadataKey ? customer.metadata?.[clause.metadataKey] : customer[clause.field]
  if (typeof actual !== 'string') return false
  return clause.operator === ':' ? actual === clause.value : actual.toLowerCase().includes(clause.value.toLowerCase())
}
