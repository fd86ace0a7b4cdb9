/**
 * 32-bit FNV-1a, fed one UTF-16 code unit at a time so n-gram hashes can be built
 * incrementally from a character loop without allocating substrings.
 */
export const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

export function fnvStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, FNV_PRIME)
}

/** Combines two hashes (e.g. two words into a bigram); order matters. */
export function combineHashes(first: number, second: number): number {
  return fnvStep(fnvStep(first, second & 0xffff), second >>> 16)
}
