import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * The API-key collection's slug is now `api-key-records` (the portal's /api/api-keys route shadowed
 * Payload's REST path for `api-keys`); `dbName: 'api_keys'` keeps the table, its enum and every
 * index. Of what Payload derives from the slug, only the locked-documents foreign key's name
 * changes: the column (`api_keys_id`) and its index are named after the table, which stayed.
 * Staff's saved list settings (columns, sort) follow the slug.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "payload_locked_documents_rels" RENAME CONSTRAINT "payload_locked_documents_rels_api_keys_fk" TO "payload_locked_documents_rels_api_key_records_fk";
    UPDATE "payload_preferences" SET "key" = 'collection-api-key-records' WHERE "key" = 'collection-api-keys';
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "payload_locked_documents_rels" RENAME CONSTRAINT "payload_locked_documents_rels_api_key_records_fk" TO "payload_locked_documents_rels_api_keys_fk";
    UPDATE "payload_preferences" SET "key" = 'collection-api-keys' WHERE "key" = 'collection-api-key-records';
  `)
}
