import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

const VERSION = 'v1'

/**
 * The AES-256 key for secrets kept at rest: TOTP secrets, and queued emails whose link carries a
 * single-use token (the job row must not hold it readable). TOTP_ENCRYPTION_KEY lets operators rotate it apart from
 * PAYLOAD_SECRET; without it the key derives from PAYLOAD_SECRET (domain-separated), so a demo
 * still encrypts at rest, at the price that rotating PAYLOAD_SECRET makes enrolled users re-enrol.
 */
function encryptionKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const material = env.TOTP_ENCRYPTION_KEY || `portico-totp-secret:${env.PAYLOAD_SECRET ?? ''}`
  if (!env.TOTP_ENCRYPTION_KEY && !env.PAYLOAD_SECRET) throw new Error('Set TOTP_ENCRYPTION_KEY or PAYLOAD_SECRET to store secrets at rest.')
  return createHash('sha256').update(material).digest()
}

/** AES-256-GCM: `v1:iv:tag:ciphertext` (base64url), authenticated so a tampered value fails to open. */
export function sealSecret(plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':')
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(':')
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error('Unrecognised sealed secret.')
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')
}
