import type { FormObject, FormValue } from './form-decode'
import { invalidRequest, missingParam, unknownParam } from './stripe-error'

/**
 * Typed reads of a decoded form body with Stripe's error messages. Every endpoint names the
 * parameters it accepts, so a typo in the app fails loudly here the way it would against Stripe.
 * Nested objects get their own `Params` whose error `param` is the bracketed path (`a[b]`).
 */
export class Params {
  constructor(
    private readonly values: FormObject,
    allowed: readonly string[],
    private readonly prefix = '',
  ) {
    for (const key of Object.keys(values)) {
      if (key === 'expand' && prefix === '') continue
      if (!allowed.includes(key)) throw unknownParam(this.path(key))
    }
  }

  path(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name
  }

  has(name: string): boolean {
    return this.values[name] !== undefined
  }

  raw(name: string): FormValue | undefined {
    return this.values[name]
  }

  string(name: string): string | undefined {
    const value = this.values[name]
    if (value === undefined) return undefined
    if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${this.path(name)}`, this.path(name))
    return value
  }

  requiredString(name: string): string {
    const value = this.string(name)
    if (value === undefined || value === '') throw missingParam(this.path(name))
    return value
  }

  /** Stripe's "emptyable" fields: '' clears the value (null), absent leaves it alone (undefined). */
  nullableString(name: string): string | null | undefined {
    const value = this.string(name)
    return value === '' ? null : value
  }

  oneOf<T extends string>(name: string, options: readonly T[]): T | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (!(options as readonly string[]).includes(value)) {
      throw invalidRequest(`Invalid ${this.path(name)}: must be one of ${options.join(', ')}`, this.path(name))
    }
    return value as T
  }

  int(name: string): number | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (!/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, this.path(name))
    return Number(value)
  }

  bool(name: string): boolean | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (value !== 'true' && value !== 'false') throw invalidRequest(`Invalid boolean: ${value}`, this.path(name))
    return value === 'true'
  }

  /** A nested hash; '' (Stripe's way to unset a hash) comes back as null. */
  object(name: string, allowed: readonly string[]): Params | null | undefined {
    const value = this.values[name]
    if (value === undefined) return undefined
    if (value === '') return null
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest(`Invalid hash: ${this.path(name)}`, this.path(name))
    return new Params(value, allowed, this.path(name))
  }

  /** A list of hashes (`items[0][price]=…`). */
  objects(name: string, allowed: readonly string[]): Params[] | undefined {
    const value = this.values[name]
    if (value === undefined || value === '') return value === '' ? [] : undefined
    if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${this.path(name)}`, this.path(name))
    return value.map((entry, index) => {
      if (typeof entry !== 'object' || Array.isArray(entry)) throw invalidRequest(`Invalid hash: ${this.path(name)}[${index}]`, this.path(name))
      return new Params(entry, allowed, `${this.path(name)}[${index}]`)
    })
  }

  strings(name: string): string[] | undefined {
    const value = this.values[name]
    if (value === undefined) return undefined
    if (value === '') return []
    const list = Array.isArray(value) ? value : [value]
    if (!list.every((entry): entry is string => typeof entry === 'string')) throw invalidRequest(`Invalid array: ${this.path(name)}`, this.path(name))
    return list
  }

  /** Metadata updates merge into the existing hash; a key set to '' is removed, `metadata=''` clears all. */
  metadata(current: Record<string, string> = {}): Record<string, string> {
    const value = this.values.metadata
    if (value === undefined) return current
    if (value === '') return {}
    if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid hash: metadata', 'metadata')
    const next = { ...current }
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string') throw invalidRequest(`Invalid metadata[${key}]: must be a string`, `metadata[${key}]`)
      if (entry === '') delete next[key]
      else next[key] = entry
    }
    return next
  }

  expand(): string[] {
    return this.strings('expand') ?? []
  }
}
