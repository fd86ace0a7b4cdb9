import { describe, expect, it } from 'vitest'
import { JsonRecordSplitter } from '../../../src/tickets/formats/json-record-splitter'

function split(text: string, chunkSize = text.length): (string | [number, string])[] {
  const out: (string | [number, string])[] = []
  const splitter = new JsonRecordSplitter({ record: (json) => out.push(json), malformed: (line, reason) => out.push([line, reason]) })
  for (let i = 0; i < text.length; i += chunkSize) splitter.push(text.slice(i, i + chunkSize))
  splitter.end()
  return out
}

describe('JsonRecordSplitter', () => {
  const records = ['{"id":1,"body":"has } and \\" inside"}', '{"id":2,"tags":["a","b"],"m":{"x":{"y":1}}}']

  it.each([
    ['newline-delimited objects', records.join('\n')],
    ['a top-level array', `[\n${records.join(',\n')}\n]`],
    ['an API page wrapper', `{"tickets": [${records.join(',')}], "next_page": "tickets?page=2", "count": 2}`],
  ])('splits %s into records at any chunk size', (_, text) => {
    for (const size of [1, 5, 1000]) expect(split(text, size)).toEqual(records)
  })

  it('reports a record cut off by the end of the file', () => {
    expect(split('{"id":1}\n{"id":2,"body":"never')).toEqual(['{"id":1}', [2, 'unterminated JSON record (file ended)']])
  })

  it('does not mistake a "tickets" value for the wrapper key', () => {
    expect(split('{"id":1,"kind":"tickets","list":[1]}')).toEqual(['{"id":1,"kind":"tickets","list":[1]}'])
  })
})
