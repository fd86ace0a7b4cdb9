import { createHash, randomInt } from 'node:crypto'

export const RECOVERY_CODE_COUNT = 10
// No 0/O/1/I: codes get read off paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** 12 characters from 32 (60 bits), shown as XXXX-XXXX-XXXX. */
function recoveryCode(): string {
  const characters = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)])
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join('')).join('-')
}

export const generateRecoveryCodes = (): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode)

/** Case, spaces and dashes don't matter when someone types a code back. */
export const normalizeRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '')

/** 60 random bits need no slow hash: sha256 only keeps the stored value from being the code itself. */
export const hashRecoveryCode = (code: string): string => createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex')
