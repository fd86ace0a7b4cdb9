import { isSecretKey, REDACTED } from '../audit/redact-secrets'

/**
 * Drizzle's failed-query error reads `Failed query: <sql>\nparams: <every value>`: on a users write
 * that is the password hash, its salt and any token. The SQL stays (it is what explains the
 * failure); the values go.
 */
export const redactQueryParams = (text: string): string =>
  text
    .replace(/(Failed query: [\s\S]*?\nparams: )[\s\S]*$/, `$1${REDACTED}`)
    // PostgreSQL's own details quote values too: "Failing row contains (…)", "Key (token_hash)=(…)".
    .replace(/(Failing row contains )[\s\S]*$/, `$1${REDACTED}`)
    .replace(/(Key \([^)]*\)=)\([\s\S]*?\)( already exists| is not present| conflicts)/g, `$1${REDACTED}$2`)

/** The stack with its first line (`Error: <message>`) redacted, so the values don't come back through it. */
function redactStack(error: Error): string | undefined {
  const { stack } = error
  if (!stack) return undefined
  const head = `${error.name}: ${error.message}`
  return stack.startsWith(head) ? `${error.name}: ${redactQueryParams(error.message)}${stack.slice(head.length)}` : redactQueryParams(stack)
}

const MAX_CAUSES = 5

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * pino's `err` serializer, redacting: the message, the stack, every secret-ish property (a
 * DrizzleQueryError's `params` among them) and the same again down the `cause` chain.
 */
export function serializeLoggedError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return typeof value === 'string' ? redactQueryParams(value) : value
  const serialized: Record<string, unknown> = { type: value.constructor.name, message: redactQueryParams(value.message), stack: redactStack(value) }
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'cause' || key === 'message' || key === 'stack') continue
    serialized[key] = key === 'params' || isSecretKey(key) ? REDACTED : typeof inner === 'string' ? redactQueryParams(inner) : inner
  }
  if (value.cause !== undefined) serialized.cause = depth < MAX_CAUSES ? serializeLoggedError(value.cause, depth + 1) : '[cause chain truncated]'
  return serialized
}

/** Logger options for payload.config: errors under `err`/`error` and plain string arguments are redacted. */
export const redactingLoggerOptions = {
  serializers: { err: serializeLoggedError, error: serializeLoggedError },
  hooks: {
    logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void) {
      const [first, ...rest] = args
      // pino takes the message of `{ err }` logged without one from the raw error, before any
      // serializer runs: serialize here and pass the redacted message explicitly.
      const error = first instanceof Error ? first : isRecord(first) && first.err instanceof Error ? first.err : null
      if (error && isRecord(first)) {
        const logged = first instanceof Error ? { err: serializeLoggedError(error) } : { ...first, err: serializeLoggedError(error) }
        const message = typeof rest[0] === 'string' ? redactQueryParams(rest[0]) : redactQueryParams(error.message)
        return method.apply(this, [logged, message, ...rest.slice(typeof rest[0] === 'string' ? 1 : 0)])
      }
      return method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactQueryParams(arg) : arg)))
    },
  },
}
