import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * API keys (src/collections/ApiKeys): a display prefix and an HMAC of the secret, never the
 * secret. The partial index serves the expiry-notice sweep; the organization's maximum key
 * lifetime is the owner's policy (src/api-keys/set-api-key-policy.ts).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TYPE "public"."enum_api_keys_environment" AS ENUM('live', 'test');
    CREATE TABLE "api_keys" (
      "id" serial PRIMARY KEY NOT NULL,
      "organization_id" integer NOT NULL,
      "name" varchar NOT NULL,
      "prefix" varchar NOT NULL,
      "secret_hash" varchar NOT NULL,
      "scopes" jsonb NOT NULL,
      "environment" "enum_api_keys_environment" NOT NULL,
      "created_by_id" integer,
      "expires_at" timestamp(3) with time zone,
      "revoked_at" timestamp(3) with time zone,
      "revoked_by_id" integer,
      "rotated_from_id" integer,
      "last_used_at" timestamp(3) with time zone,
      "last_used_ip" varchar,
      "warned_seven_days_at" timestamp(3) with time zone,
      "warned_one_day_at" timestamp(3) with time zone,
      "expired_notified_at" timestamp(3) with time zone,
      "updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
      "created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
    );
    ALTER TABLE "organizations" ADD COLUMN "api_key_max_lifetime_days" numeric;
    ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "api_keys_id" integer;
    ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
    ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_rotated_from_id_api_keys_id_fk" FOREIGN KEY ("rotated_from_id") REFERENCES "public"."api_keys"("id") ON DELETE set null ON UPDATE no action;
    CREATE INDEX "api_keys_organization_idx" ON "api_keys" USING btree ("organization_id");
    CREATE UNIQUE INDEX "api_keys_secret_hash_idx" ON "api_keys" USING btree ("secret_hash");
    CREATE INDEX "api_keys_expires_at_idx" ON "api_keys" USING btree ("expires_at");
    CREATE INDEX "api_keys_created_by_idx" ON "api_keys" USING btree ("created_by_id");
    CREATE INDEX "api_keys_revoked_by_idx" ON "api_keys" USING btree ("revoked_by_id");
    CREATE INDEX "api_keys_rotated_from_idx" ON "api_keys" USING btree ("rotated_from_id");
    CREATE INDEX "api_keys_updated_at_idx" ON "api_keys" USING btree ("updated_at");
    CREATE INDEX "api_keys_created_at_idx" ON "api_keys" USING btree ("created_at");
    CREATE INDEX "api_keys_expiry_notices_idx" ON "api_keys" USING btree ("expires_at") WHERE "revoked_at" IS NULL AND "expired_notified_at" IS NULL;
    ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_api_keys_fk" FOREIGN KEY ("api_keys_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;
    CREATE INDEX "payload_locked_documents_rels_api_keys_id_idx" ON "payload_locked_documents_rels" USING btree ("api_keys_id");
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_api_keys_fk";
    DROP INDEX IF EXISTS "payload_locked_documents_rels_api_keys_id_idx";
    ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "api_keys_id";
    ALTER TABLE "organizations" DROP COLUMN IF EXISTS "api_key_max_lifetime_days";
    DROP TABLE IF EXISTS "api_keys" CASCADE;
    DROP TYPE IF EXISTS "public"."enum_api_keys_environment";
  `)
}
