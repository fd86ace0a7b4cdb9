import { access } from 'node:fs/promises'
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A problem with how the command was called: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>

/** parseArgs with unknown options and stray positionals turned into UsageErrors. */
export function parseOptions<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required`)
  return value
}

export function numberOption(value: string | undefined, name: string, fallback: number, range: { min: number; max?: number }): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isFinite(number) || number < range.min || (range.max !== undefined && number > range.max)) {
    throw new UsageError(`--${name} must be a number ${range.max === undefined ? `≥ ${range.min}` : `between ${range.min} and ${range.max}`}, got "${value}"`)
  }
  return number
}

export async function requireReadableFile(path: string, name: string): Promise<string> {
  try {
    await access(path)
  } catch {
    throw new UsageError(`--${name}: cannot read ${path}`)
  }
  return path
}

/** Runs a command's main: usage errors exit 2 with the usage text, other failures exit 1. */
export async function runCommand(usage: string, main: () => Promise<void>): Promise<void> {
  // Piping into `head` closes stdout early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
  try {
    await main()
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${usage}\n`)
      process.exitCode = 2
    } else {
      process.stderr.write(`error: ${(error as Error).message}\n`)
      process.exitCode = 1
    }
  }
}
