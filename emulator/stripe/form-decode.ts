/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracketed keys.
 * `a[b][0][c]=x` → `{ a: { b: [{ c: 'x' }] } }`, `a[]=x&a[]=y` → `{ a: ['x', 'y'] }`.
 * Values stay strings; handlers coerce them (Stripe does the same, and '' means "unset").
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }
export type FormObject = { [key: string]: FormValue }

export function decodeForm(encoded: string): FormObject {
  const root: FormObject = {}
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const path = splitKey(rawKey)
    let node: FormObject = root
    path.forEach((segment, i) => {
      const key = segment === '' ? String(Object.keys(node).length) : segment
      if (i === path.length - 1) {
        node[key] = value
        return
      }
      const next = node[key]
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {}
      node = node[key] as FormObject
    })
  }
  return arraysFromIndexedObjects(root) as FormObject
}

/** `a[b][0]` → ['a', 'b', '0']; `a[]` → ['a', ''] (append). */
function splitKey(key: string): string[] {
  const open = key.indexOf('[')
  if (open === -1) return [key]
  const rest = [...key.slice(open).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1] ?? '')
  return [key.slice(0, open), ...rest]
}

/** Objects whose keys are all 0..n-1 are arrays on Stripe's side; order follows the index. */
function arraysFromIndexedObjects(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value
  const keys = Object.keys(value)
  const converted: FormObject = {}
  for (const key of keys) converted[key] = arraysFromIndexedObjects(value[key] as FormValue)
  const indexed = keys.length > 0 && keys.every((key) => /^\d+$/.test(key))
  if (!indexed) return converted
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => converted[String(index)] as FormValue)
}
