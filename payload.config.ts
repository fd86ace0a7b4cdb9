import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'

import { Memberships } from './src/collections/Memberships'
import { Organizations } from './src/collections/Organizations'
import { Staff } from './src/collections/Staff'
import { Users } from './src/collections/Users'
import { PortalFlags } from './src/globals/PortalFlags'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: process.env.PORTAL_URL || undefined,
  secret: process.env.PAYLOAD_SECRET || '',
  admin: {
    user: Staff.slug,
    // Gravatar is a third-party call on every admin page; initials need no network.
    avatar: 'default',
    meta: { titleSuffix: ' · Portico admin' },
    importMap: { baseDir: dirname },
  },
  collections: [Users, Staff, Organizations, Memberships],
  globals: [PortalFlags],
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URL },
    // The schema only changes through committed migrations, in development too.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  telemetry: false,
})
