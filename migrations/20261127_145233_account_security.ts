import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_locale" AS ENUM('en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'send-password-reset' BEFORE 'process-stripe-event';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'send-password-reset' BEFORE 'process-stripe-event';
  CREATE TABLE "users_recovery_codes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"hash" varchar NOT NULL,
  	"used_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "user_sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"sid" varchar NOT NULL,
  	"user_agent" varchar,
  	"ip" varchar,
  	"last_seen_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"pending_second_factor" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "locale" "enum_users_locale" DEFAULT 'en-US';
  ALTER TABLE "users" ADD COLUMN "time_zone" varchar DEFAULT 'UTC';
  ALTER TABLE "users" ADD COLUMN "two_factor_enabled_at" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "totp_secret" varchar;
  ALTER TABLE "users" ADD COLUMN "totp_last_used_step" numeric;
  ALTER TABLE "users" ADD COLUMN "two_factor_failures" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "two_factor_lockouts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "two_factor_locked_until" timestamp(3) with time zone;
  ALTER TABLE "users" ADD COLUMN "pending_email" varchar;
  ALTER TABLE "users" ADD COLUMN "pending_email_token" varchar;
  ALTER TABLE "users" ADD COLUMN "pending_email_expires_at" timestamp(3) with time zone;
  ALTER TABLE "organizations" ADD COLUMN "require_two_factor" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "user_sessions_id" integer;
  ALTER TABLE "users_recovery_codes" ADD CONSTRAINT "users_recovery_codes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "users_recovery_codes_order_idx" ON "users_recovery_codes" USING btree ("_order");
  CREATE INDEX "users_recovery_codes_parent_id_idx" ON "users_recovery_codes" USING btree ("_parent_id");
  CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id");
  CREATE UNIQUE INDEX "user_sessions_sid_idx" ON "user_sessions" USING btree ("sid");
  CREATE INDEX "user_sessions_updated_at_idx" ON "user_sessions" USING btree ("updated_at");
  CREATE INDEX "user_sessions_created_at_idx" ON "user_sessions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_user_sessions_fk" FOREIGN KEY ("user_sessions_id") REFERENCES "public"."user_sessions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_pending_email_token_idx" ON "users" USING btree ("pending_email_token");
  CREATE INDEX "payload_locked_documents_rels_user_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("user_sessions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users_recovery_codes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "user_sessions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "users_recovery_codes" CASCADE;
  DROP TABLE "user_sessions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_user_sessions_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'dispatch-portal-event', 'deliver-notification', 'process-stripe-event');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'dispatch-portal-event', 'deliver-notification', 'process-stripe-event');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "users_pending_email_token_idx";
  DROP INDEX "payload_locked_documents_rels_user_sessions_id_idx";
  ALTER TABLE "users" DROP COLUMN "locale";
  ALTER TABLE "users" DROP COLUMN "time_zone";
  ALTER TABLE "users" DROP COLUMN "two_factor_enabled_at";
  ALTER TABLE "users" DROP COLUMN "totp_secret";
  ALTER TABLE "users" DROP COLUMN "totp_last_used_step";
  ALTER TABLE "users" DROP COLUMN "two_factor_failures";
  ALTER TABLE "users" DROP COLUMN "two_factor_lockouts";
  ALTER TABLE "users" DROP COLUMN "two_factor_locked_until";
  ALTER TABLE "users" DROP COLUMN "pending_email";
  ALTER TABLE "users" DROP COLUMN "pending_email_token";
  ALTER TABLE "users" DROP COLUMN "pending_email_expires_at";
  ALTER TABLE "organizations" DROP COLUMN "require_two_factor";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "user_sessions_id";
  DROP TYPE "public"."enum_users_locale";`)
}
