type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean'

const jsonType = (value: unknown): JsonType =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as Exclude<JsonType, 'null' | 'array'>)

export type ShapeRules = {
  /** May this field be null even though the example has a value? */
  nullable: (path: string) => boolean
  /** Fields whose content varies by design (metadata, an event's `data.object`): only the JSON type is compared. */
  opaque?: (path: string) => boolean
}

/**
 * Every key of the example must exist in the actual object with the same JSON type, recursively;
 * lists compare their first elements. A null in the example says nothing about the type, so any
 * value passes there. Returns one line per problem, empty when the shapes agree.
 */
export function shapeDiff(example: unknown, actual: unknown, rules: ShapeRules, path = ''): string[] {
  const expected = jsonType(example)
  const got = jsonType(actual)
  const where = path || '(root)'
  if (expected === 'null') return []
  if (got === 'null') return rules.nullable(path) ? [] : [`${where}: expected ${expected}, got null (not nullable in Stripe's spec)`]
  if (expected !== got) return [`${where}: expected ${expected}, got ${got}`]
  if (rules.opaque?.(path)) return []
  if (expected === 'array') {
    const [first] = example as unknown[]
    const [actualFirst] = actual as unknown[]
    return first === undefined || actualFirst === undefined ? [] : shapeDiff(first, actualFirst, rules, `${path}[0]`)
  }
  if (expected !== 'object') return []
  const actualObject = actual as Record<string, unknown>
  return Object.entries(example as Record<string, unknown>).flatMap(([key, value]) => {
    const childPath = path ? `${path}.${key}` : key
    return key in actualObject ? shapeDiff(value, actualObject[key], rules, childPath) : [`${childPath}: missing`]
  })
}
