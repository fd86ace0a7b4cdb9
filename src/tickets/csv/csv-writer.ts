import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { pipeline } from 'node:stream/promises'
import { stringify, type Options, type Stringifier } from 'csv-stringify'
import { stringify as stringifySync } from 'csv-stringify/sync'

/**
 * CSV output goes through csv-stringify: its streaming API for the files written row by
 * row (the per-ticket CSV of a million-ticket audit), its sync API for the small tables
 * built in memory. Fields are quoted only when they hold a quote, comma or line break.
 */
export type CsvValue = string | number | boolean | null

/** A fresh object each time: csv-stringify fills its defaults into the `cast` object it is given. */
function csvOptions(): Options {
  // csv-stringify writes booleans as '1'/'' by default; keep them readable.
  return { cast: { boolean: (value) => String(value) } }
}

/** Whole CSV text for rows held in memory, a newline after every row. */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return stringifySync(rows as CsvValue[][], csvOptions())
}

export function csvLine(values: readonly CsvValue[]): string {
  return csvText([values])
}

export function csvField(value: CsvValue): string {
  return stringifySync([[value]], { ...csvOptions(), eof: false })
}

/** Streams rows to a file; callers await `drain()` between input chunks (backpressure). */
export class CsvFileWriter {
  private readonly stringifier: Stringifier
  private readonly done: Promise<void>
  private blocked = false

  constructor(path: string, header: readonly string[]) {
    // With a readable encoding the rows stay strings instead of becoming one Buffer each.
    this.stringifier = stringify({ ...csvOptions(), header: true, columns: [...header], encoding: 'utf8' })
    this.done = pipeline(
      this.stringifier,
      // Iterating takes everything the stringifier has buffered in one read, so the file gets one
      // write per batch of rows rather than one per row as with pipe (which cost ~20% more CPU).
      async function* (chunks: AsyncIterable<string>) {
        yield* chunks
      },
      createWriteStream(path, { encoding: 'utf8' }),
    )
    // A write error surfaces from close() (or drain()); this keeps it from being reported as unhandled first.
    this.done.catch(() => undefined)
  }

  write(values: readonly CsvValue[]): void {
    if (!this.stringifier.write(values)) this.blocked = true
  }

  /** Resolves once the stream has room again. */
  async drain(): Promise<void> {
    if (this.blocked) {
      await Promise.race([once(this.stringifier, 'drain'), this.done])
      this.blocked = false
    }
  }

  async close(): Promise<void> {
    this.stringifier.end()
    await this.done
  }
}
