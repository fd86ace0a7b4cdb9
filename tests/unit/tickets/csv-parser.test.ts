import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CsvParser } from '../../../src/tickets/csv/csv-parser'
import { CsvFileWriter, csvField, csvLine, csvText } from '../../../src/tickets/csv/csv-writer'

type Event = [number, string[]] | ['bad', number, string]

function parse(text: string, chunkSize = text.length, maxRecordChars?: number, onlyColumns?: number[]): Event[] {
  const events: Event[] = []
  const parser = new CsvParser(
    { record: (fields, line) => events.push([line, fields]), malformed: (line, reason) => events.push(['bad', line, reason]) },
    maxRecordChars === undefined ? undefined : { maxRecordChars },
  )
  if (onlyColumns) parser.onlyColumns(onlyColumns)
  for (let i = 0; i < text.length; i += chunkSize) parser.push(text.slice(i, i + chunkSize))
  parser.end()
  return events
}

const SAMPLE = '\uFEFFid,body,n\r\n1,"two\nlines with ""quotes"", and commas",x\r\n\r\n2,plain,y\n3,"stray quote,z\n4,ok,w\n5,"closed"junk,q\n6,last,"never closed'

describe('CsvParser', () => {
  const expected: Event[] = [
    [1, ['id', 'body', 'n']],
    [2, ['1', 'two\nlines with "quotes", and commas', 'x']],
    [5, ['2', 'plain', 'y']],
    ['bad', 6, 'unexpected character after closing quote in field 2'],
    [7, ['4', 'ok', 'w']],
    ['bad', 8, 'unexpected character after closing quote in field 2'],
    ['bad', 9, 'unterminated quoted field'],
  ]

  it('parses quoted multi-line fields, CRLF, BOM and blank lines with exact line numbers', () => {
    expect(parse(SAMPLE)).toEqual(expected)
  })

  it('gives the same result whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 7, 64]) expect(parse(SAMPLE, size)).toEqual(expected)
  })

  it('declares an over-long open quote or record bad and resumes on the next line, at any chunk size', () => {
    const text = `a,b\n1,"opens and never closes${' '.repeat(40)}\n2,fine\n3,${'x'.repeat(50)}\n4,after\n`
    const tooLong = 'unterminated quoted field or record over 40 characters'
    for (const size of [8, 1000]) {
      expect(parse(text, size, 40)).toEqual([[1, ['a', 'b']], ['bad', 2, tooLong], [3, ['2', 'fine']], ['bad', 4, tooLong], [5, ['4', 'after']]])
    }
  })

  it('leaves unwanted columns empty but keeps their count', () => {
    expect(parse('a,"b\nb",c,d\n', undefined, undefined, [2])).toEqual([[1, ['', '', 'c', '']]])
  })

  it('keeps quotes inside unquoted fields literally', () => {
    expect(parse('5 "inch" screen,ok\n')).toEqual([[1, ['5 "inch" screen', 'ok']]])
  })
})

describe('csv writer', () => {
  it('quotes only what needs quoting and round-trips through the parser', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"\nthere')).toBe('"say ""hi""\nthere"')
    expect(csvField(null)).toBe('')
    const values = ['x,y', 'multi\nline', 'quote"d', '']
    expect(parse(csvLine(values))).toEqual([[1, values]])
  })

  it('writes booleans and numbers as text and null as an empty field', () => {
    expect(csvText([['a', 'b'], [true, false, 0, 1.5, null, '']])).toBe('a,b\ntrue,false,0,1.5,,\n')
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"')
  })

  it('streams a file with its header, with backpressure, and writes the header alone when there are no rows', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'csv-writer-'))
    try {
      const rows = Array.from({ length: 5_000 }, (_, i) => [`id-${i}`, i % 7 === 0 ? 'needs, "quoting"' : 'plain', i] as const)
      const writer = new CsvFileWriter(path.join(dir, 'rows.csv'), ['id', 'text', 'n'])
      for (const [i, row] of rows.entries()) {
        writer.write(row)
        if (i % 500 === 499) await writer.drain()
      }
      await writer.close()
      const written = await readFile(path.join(dir, 'rows.csv'), 'utf8')
      expect(written).toBe(csvLine(['id', 'text', 'n']) + rows.map((row) => csvLine(row)).join(''))
      expect(parse(written).map((event) => event[1])).toEqual([['id', 'text', 'n'], ...rows.map((row) => row.map(String))])

      const empty = new CsvFileWriter(path.join(dir, 'empty.csv'), ['line', 'reason'])
      await empty.close()
      expect(await readFile(path.join(dir, 'empty.csv'), 'utf8')).toBe('line,reason\n')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
