/** Marks a character that separates words. */
export const WORD_BREAK = -1
/** Marks a character that is dropped inside a word (apostrophes: "don't" is "dont"). */
export const WORD_SKIP = -2

/**
 * The one definition of a word character, shared by the featurizer and the keyword
 * rules so a keyword always matches the words the classifier sees. Expects lower-cased
 * input. Digits all become '0': amounts and ids vary, their shape doesn't.
 */
export function normalizeWordCode(code: number): number {
  if (code >= 97 && code <= 122) return code
  if (code >= 48 && code <= 57) return 48
  if (code === 39 || code === 0x2019) return WORD_SKIP
  if (code >= 0xc0 && !(code >= 0x2000 && code <= 0x206f)) return code
  return WORD_BREAK
}
