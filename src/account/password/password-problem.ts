import type { MessageKey } from '../../i18n/en'

export const MIN_PASSWORD_LENGTH = 10

// The most used passwords of at least 10 characters (breach corpora top lists): the ones a length
// rule alone lets through.
const COMMON = new Set([
  '1234567890', '0123456789', '1234567891', '0987654321', '1q2w3e4r5t', 'qwertyuiop', '1qaz2wsx3edc', 'password12', 'password123',
  'password1!', 'passw0rd123', 'iloveyou12', 'abcdefghij', 'abcd123456', 'qwerty1234', 'qwerty12345', 'asdfghjkl1', 'zxcvbnm123',
  'welcome123', 'letmein123', 'football12', 'baseball12', 'princess12', 'sunshine12', 'starwars12', 'superman12', 'administrator',
  'changeme123', 'trustno1234', 'monkey1234', 'dragon1234', 'master1234', 'aaaaaaaaaa', '1111111111', '0000000000', 'portico-demo',
])

/** Why a new password is refused, as an i18n key; null when it is acceptable. */
export function passwordProblem(password: string, email: string): MessageKey | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password.error.tooShort'
  const lower = password.toLowerCase()
  const [localPart] = email.toLowerCase().split('@')
  if (lower === email.toLowerCase() || (localPart && localPart.length >= 4 && lower.includes(localPart))) return 'password.error.containsEmail'
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'password.error.common'
  return null
}
