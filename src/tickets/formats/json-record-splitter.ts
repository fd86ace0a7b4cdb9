/**
 * Splits a JSON ticket export into one JSON text per ticket without holding the file:
 * newline-delimited objects (Zendesk's full JSON export), a top-level array, or an API
 * page `{"tickets": [...]}`. Brackets are balanced by a character scan that skips
 * string contents, so only the current record is buffered.
 */
export interface JsonRecordSink {
  record(json: string, line: number): void
  malformed(line: number, reason: string): void
}

const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const LF = 10

/** The key whose array holds the tickets in API-style pages. */
const WRAPPER_KEY = 'tickets'
/** Longer strings inside a top-level object are values, not the wrapper key: not worth slicing. */
const MAX_KEY_CHARS = 16

export class JsonRecordSplitter {
  private depth = 0
  private inString = false
  private escaped = false
  private line = 1
  /** Depth at which records start: 0 (NDJSON), 1 (top-level array) or 2 (inside the wrapper's array). */
  private recordDepth = 0
  private layoutKnown = false
  private inRecord = false
  private recordParts: string[] = []
  private recordStartLine = 0
  /** The last string seen directly inside a top-level object, to spot `"tickets": [`. */
  private topLevelKey = ''
  private keyStart = -1
  private keyPartial = ''

  constructor(private readonly sink: JsonRecordSink) {}

  push(chunk: string): void {
    let recordStart = 0
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i)
      if (code === LF) this.line++
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (code === BACKSLASH) this.escaped = true
        else if (code === QUOTE) {
          this.inString = false
          if (this.keyStart !== -1) {
            this.topLevelKey = this.keyPartial.length + i - this.keyStart <= MAX_KEY_CHARS ? this.keyPartial + chunk.slice(this.keyStart, i) : ''
          }
          this.keyStart = -1
          this.keyPartial = ''
        }
        continue
      }
      if (code === QUOTE) {
        this.inString = true
        if (this.isInsideTopLevelObject()) this.keyStart = i + 1
      } else if (code === COMMA) {
        if (this.isInsideTopLevelObject()) this.topLevelKey = ''
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (!this.layoutKnown && this.depth === 0) {
          this.layoutKnown = true
          this.recordDepth = code === OPEN_BRACKET ? 1 : 0
        }
        if (code === OPEN_BRACKET && this.isInsideTopLevelObject() && this.topLevelKey === WRAPPER_KEY) {
          // The top-level object is a wrapper page: drop it, its array elements are the records.
          this.inRecord = false
          this.recordParts = []
          this.recordDepth = 2
        } else if (!this.inRecord && this.depth === this.recordDepth && code === OPEN_BRACE) {
          this.inRecord = true
          this.recordStartLine = this.line
          recordStart = i
        }
        this.depth++
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (this.depth === 0) {
          this.sink.malformed(this.line, 'unbalanced closing bracket')
          continue
        }
        this.depth--
        if (this.inRecord && this.depth === this.recordDepth) {
          this.recordParts.push(chunk.slice(recordStart, i + 1))
          this.sink.record(this.recordParts.join(''), this.recordStartLine)
          this.recordParts = []
          this.inRecord = false
        }
      }
    }
    if (this.inRecord) this.recordParts.push(chunk.slice(recordStart))
    if (this.keyStart !== -1) {
      // A string still open at the chunk's end: keep it only while it could be a key.
      this.keyPartial += chunk.slice(this.keyStart, this.keyStart + MAX_KEY_CHARS + 1)
      this.keyStart = this.keyPartial.length <= MAX_KEY_CHARS ? 0 : -1
      if (this.keyStart === -1) this.keyPartial = ''
    }
  }

  end(): void {
    if (this.inRecord) this.sink.malformed(this.recordStartLine, 'unterminated JSON record (file ended)')
  }

  /** Directly inside a top-level object that might still turn out to be a wrapper page. */
  private isInsideTopLevelObject(): boolean {
    return this.depth === 1 && this.recordDepth === 0
  }
}
