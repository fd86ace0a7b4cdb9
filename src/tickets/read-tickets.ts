import { createReadStream } from 'node:fs'
import { CsvParser } from './csv/csv-parser'
import type { CsvFormat, CsvRowReader } from './formats/csv-format'
import { detectCsvFormat, looksLikeJson, CSV_FORMATS, ZENDESK_JSON_ID } from './formats/detect-format'
import { FormatError } from './formats/header-index'
import { JsonRecordSplitter } from './formats/json-record-splitter'
import { mappedCsv, type ColumnMap } from './formats/mapped-csv'
import { readZendeskJsonRecord, ZENDESK_JSON_LABEL } from './formats/zendesk-json'
import { badRow, type RowOutcome } from './ticket'

export interface TicketSourceOptions {
  /** 'auto' or a format id from FORMAT_IDS; ignored when `columnMap` is given. */
  readonly format: string
  readonly columnMap?: ColumnMap
}

export interface RowHandler {
  row(outcome: RowOutcome): void
  /** Runs after each input chunk; returning a promise pauses reading (output backpressure). */
  chunkDone(bytesRead: number): Promise<void> | void
}

export interface SourceFormat {
  readonly id: string
  readonly label: string
}

const CHUNK_BYTES = 256 * 1024

/**
 * Streams an export file, detecting its format from the first chunk, and hands every
 * row's outcome (ticket, bad or skipped) to `handler`. Memory stays at one chunk plus
 * one unfinished record whatever the file size.
 */
export async function streamTickets(path: string, options: TicketSourceOptions, handler: RowHandler): Promise<SourceFormat> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES })
  let consumer: JsonRecordSplitter | CsvTicketConsumer | null = null
  let bytesRead = 0
  for await (const chunk of stream as AsyncIterable<string>) {
    consumer ??= createConsumer(chunk, options, handler)
    consumer.push(chunk)
    bytesRead = stream.bytesRead
    await handler.chunkDone(bytesRead)
  }
  if (consumer === null) throw new FormatError(`${path} is empty`)
  consumer.end()
  await handler.chunkDone(bytesRead)
  if (consumer instanceof JsonRecordSplitter) return { id: ZENDESK_JSON_ID, label: ZENDESK_JSON_LABEL }
  if (consumer.format === null) throw new FormatError(`${path} has no header row`)
  return { id: consumer.format.id, label: consumer.format.label }
}

function createConsumer(firstChunk: string, options: TicketSourceOptions, handler: RowHandler): JsonRecordSplitter | CsvTicketConsumer {
  if (options.columnMap) return new CsvTicketConsumer(mappedCsv(options.columnMap), handler)
  if (options.format === ZENDESK_JSON_ID || (options.format === 'auto' && looksLikeJson(firstChunk))) {
    return new JsonRecordSplitter({
      record: (json, line) => handler.row(readZendeskJsonRecord(json, line)),
      malformed: (line, reason) => handler.row(badRow(line, reason)),
    })
  }
  if (options.format === 'auto') return new CsvTicketConsumer(null, handler)
  const csvFormat = CSV_FORMATS.find((candidate) => candidate.id === options.format)
  if (!csvFormat) throw new FormatError(`unknown --format "${options.format}"`)
  return new CsvTicketConsumer(csvFormat, handler)
}

/** Reads the header as the first record (detecting the format from it when none was chosen), then the rows. */
class CsvTicketConsumer {
  format: CsvFormat | null
  private reader: CsvRowReader | null = null
  private readonly parser: CsvParser

  constructor(format: CsvFormat | null, handler: RowHandler) {
    this.format = format
    this.parser = new CsvParser({
      record: (fields, line) => {
        if (this.reader !== null) {
          handler.row(this.reader.read(fields, line))
          return
        }
        this.reader = this.bindHeader(fields)
        this.parser.onlyColumns(this.reader.usedColumns)
      },
      malformed: (line, reason) => {
        if (this.reader === null) throw new FormatError(`header (line ${line}) is malformed: ${reason}`)
        handler.row(badRow(line, reason))
      },
    })
  }

  push(chunk: string): void {
    this.parser.push(chunk)
  }

  end(): void {
    this.parser.end()
  }

  private bindHeader(header: string[]): CsvRowReader {
    this.format ??= detectCsvFormat(header)
    if (this.format === null) {
      const shown = header.slice(0, 12).map((name) => `"${name}"`).join(', ')
      throw new FormatError(
        `unrecognized CSV header (${shown}${header.length > 12 ? ', …' : ''}); pass --format or --map id=…,subject=…,body=…,created=…,solved=…`,
      )
    }
    return this.format.bind(header)
  }
}
