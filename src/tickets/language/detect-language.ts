import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { featurizerWordHash } from '../classifier/vectors/word-vector-table'

interface Eld {
  detect(text: string): { language: string }
}

/**
 * eld's package exports only an `import` condition, which the tagging workers (CommonJS
 * under tsx, see tagging/worker-entry.cjs) can't resolve; its entry file is found the way
 * Node would find the package and required by path (tsx compiles it).
 */
function loadEld(): Eld {
  const entry = join('node_modules', 'eld', 'src', 'entries', 'static.extrasmall.js')
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, entry))) return (createRequire(import.meta.url)(join(dir, entry)) as { eld: Eld }).eld
    if (dirname(dir) === dir) throw new Error('the eld package (language detection) is not installed')
  }
}

// Loaded on the first ticket that needs it: an English inbox never pays its 58 MB per tagging thread.
let eld: Eld | null = null

/** ISO 639-1 code, or this when the text gives no evidence (empty, digits only). */
export const UNDETERMINED_LANGUAGE = 'und'

/** eld reads at most this many characters: the opening of a request says what language it is in. */
const DETECT_CHARS = 80
const hashes = (words: string): Set<number> => new Set(words.split(' ').map((word) => featurizerWordHash(word)!))
/** English function words that are not common words elsewhere: one is enough. */
const STRONG_ENGLISH = hashes('the you your please with have this what would could our and not why where when does dont cant')
/** English words that are also words in other languages (Polish "to", "my"; Dutch "we", "of"; Danish "for"): two are needed. */
const WEAK_ENGLISH = hashes('to my of for we it can been how')
/**
 * Frequent function words of the other languages tickets come in. One of these sends the ticket
 * to eld whatever else it contains (so "Je ne peux pas… the invoice" is not called English).
 */
const OTHER_LANGUAGE = hashes(
  // Only words that are rare in English text ("do", "la", "die", "non-", ".com" are left out).
  'le les des est et pour pas une je vous nous mon der das und ist nicht ich sie wir mit mein meine los las que por para una il che sono della het een niet ik mijn och att jag inte det nie jest się não uma meu',
)
const MARKER_WORDS_CHECKED = 40

/**
 * The language of a ticket: eld (extrasmall database: measured as accurate as its larger
 * ones on short texts, at 58 MB instead of 105–408 MB) on the first 80 characters — except
 * that a ticket in Latin script whose first 40 words hold an unambiguous English function
 * word (or two ambiguous ones) and no frequent function word of another language is English
 * without asking eld, which costs ~100 µs per call and ~58 MB per tagging thread once loaded
 * (docs/ticket-audit.md has the measurements).
 */
export function detectLanguage(text: string, wordHashes: Int32Array, wordCount: number, featurizedChars = Infinity): string {
  // Past the featurized prefix the last word was cut ("leave" → "le"): it is not evidence.
  const completeWords = text.length > featurizedChars ? wordCount - 1 : wordCount
  if (looksEnglish(text, wordHashes, completeWords)) return 'en'
  eld ??= loadEld()
  const language = eld.detect(text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text).language
  return language === '' ? UNDETERMINED_LANGUAGE : language
}

function looksEnglish(text: string, wordHashes: Int32Array, wordCount: number): boolean {
  const end = Math.min(text.length, DETECT_CHARS * 2)
  // Letters outside Latin script (Greek to Ethiopic, CJK and after) mean eld decides; punctuation
  // such as ’ “ — € and emoji (surrogates) don't.
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if ((code >= 0x0370 && code < 0x1e00) || (code >= 0x2e80 && code < 0xd800)) return false
  }
  let strong = false
  let weak = 0
  let firstWeak = 0
  const checked = Math.min(wordCount, MARKER_WORDS_CHECKED)
  for (let i = 0; i < checked; i++) {
    const word = wordHashes[i]!
    if (OTHER_LANGUAGE.has(word)) return false
    if (STRONG_ENGLISH.has(word)) strong = true
    else if (WEAK_ENGLISH.has(word) && word !== firstWeak) {
      if (weak === 0) firstWeak = word
      weak++
    }
  }
  return strong || weak >= 2
}
