import { generateSecret, generateURI, verify } from 'otplib'

const ISSUER = 'Portico'

export const newTotpSecret = (): string => generateSecret()

export const totpUri = (secret: string, label: string): string => generateURI({ issuer: ISSUER, label, secret })

/**
 * Checks a 6-digit code with ±1 step (30 s) of clock drift. `afterTimeStep` rejects the step of the
 * last accepted code and earlier ones, so a code seen over someone's shoulder can't be replayed.
 * Returns the accepted time step, or null.
 */
export async function verifyTotp(secret: string, code: string, afterTimeStep?: number | null): Promise<number | null> {
  const result = await verify({ secret, token: code, epochTolerance: 30, ...(afterTimeStep ? { afterTimeStep } : {}) })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}
