import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * One owner per organization, whatever the path (portal, REST, GraphQL, the admin): a partial
 * unique index, so a second owner is refused by PostgreSQL even if a check above it is missed.
 * A transfer demotes the old owner before promoting the new one, inside one transaction.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`CREATE UNIQUE INDEX "memberships_one_owner_idx" ON "memberships" USING btree ("organization_id") WHERE "role" = 'owner';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP INDEX IF EXISTS "memberships_one_owner_idx";`)
}
