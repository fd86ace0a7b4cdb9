import Bowser from 'bowser'

export type AgentDescription = { browser: string | null; os: string | null; device: string | null }

/** "Chrome 120", "macOS Sonoma", "desktop" from a User-Agent header, for people to read. */
export function describeUserAgent(userAgent: string | null | undefined): AgentDescription {
  if (!userAgent) return { browser: null, os: null, device: null }
  const parsed = Bowser.parse(userAgent)
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || null
  return { browser: join(parsed.browser.name, parsed.browser.version?.split('.')[0]), os: join(parsed.os.name, parsed.os.versionName ?? parsed.os.version), device: parsed.platform.type ?? null }
}
