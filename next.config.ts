import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { legacyRedirects } from './src/lib/legacy-redirects'
import { securityHeaders } from './src/lib/security-headers'

const nextConfig: NextConfig = {
  // e2e and bench runs build into their own folder so they never clobber a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // CI builds from a clean clone every time; the build cache only costs time there.
  // authInterrupts: forbidden() in src/auth/require-screen.ts answers 403 with account/forbidden.tsx.
  // preloadEntriesOnStart: Next would load every route's server chunk at start; each holds its own copy
  // of the config and product code (~4.5 MB of source, kept as two-byte strings), 430 MB of heap for
  // routes a process may never serve. Routes now load on their first request.
  experimental: { preloadEntriesOnStart: false, turbopackFileSystemCacheForBuild: false, authInterrupts: true },
  poweredByHeader: false,
  // `npm test` type-checks the whole tree once (tsc --noEmit); the build doesn't repeat it.
  typescript: { ignoreBuildErrors: true },
  async redirects() {
    return legacyRedirects
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
