import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'

export type CsvValue = string | number | boolean | null

const NEEDS_QUOTING = /[",\r\n]/

export function csvField(value: CsvValue): string {
  if (value === null) return ''
  const text = String(value)
  return NEEDS_QUOTING.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\n'
}

/** Rows are batched into ~64 KB writes; callers await `drain()` between input chunks. */
const BATCH_CHARS = 64 * 1024

export class CsvFileWriter {
  private readonly stream: WriteStream
  private batch = ''
  private blocked = false

  constructor(path: string, header: readonly string[]) {
    this.stream = createWriteStream(path, { encoding: 'utf8' })
    this.batch = csvLine(header)
  }

  write(values: readonly CsvValue[]): void {
    this.writeLine(csvLine(values))
  }

  /** A line already in CSV form, newline included (for hot loops that build it directly). */
  writeLine(line: string): void {
    this.batch += line
    if (this.batch.length >= BATCH_CHARS) this.flush()
  }

  /** Resolves once the file stream has room again (backpressure). */
  async drain(): Promise<void> {
    if (this.blocked) {
      await once(this.stream, 'drain')
      this.blocked = false
    }
  }

  async close(): Promise<void> {
    this.flush()
    this.stream.end()
    await once(this.stream, 'finish')
  }

  private flush(): void {
    if (this.batch === '') return
    if (!this.stream.write(this.batch)) this.blocked = true
    this.batch = ''
  }
}
